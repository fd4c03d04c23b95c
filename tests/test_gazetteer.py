"""The curated gazetteers (data/gazetteer/) and their loader kg.gazetteer."""
from __future__ import annotations

import collections

import pytest

from kg import gazetteer as gz


def _raw_rows(filename: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a TSV exactly as stored (no padding, no trimming)."""
    text = (gz.gazetteer_dir() / filename).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return lines[0].split("\t"), [ln.split("\t") for ln in lines[1:]]


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    "raw, name, org_type",
    [
        ("DfE", "Department for Education", "government_department"),
        ("DFE", "Department for Education", "government_department"),
        ("Department for Education", "Department for Education", "government_department"),
        ("Ofsted", "Ofsted", "regulator"),
        ("OFSTED", "Ofsted", "regulator"),
        ("Ofsted\u2019s", "Ofsted", "regulator"),
        ("Office for Standards in Education, Children's Services and Skills", "Ofsted", "regulator"),
        ("Office for Standards in Education, Children\u2019s Services and Skills", "Ofsted", "regulator"),
        ("the local authority", "Local Authority", "local_authority"),
        ("The Local Authority", "Local Authority", "local_authority"),
        ("LA", "Local Authority", "local_authority"),
        ("LAs", "Local Authority", "local_authority"),
        ("Health and Well-being Board", "Health and Wellbeing Board", "partnership_board"),
        ("Health and Wellbeing Board", "Health and Wellbeing Board", "partnership_board"),
        ("Health & Well being Board", "Health and Wellbeing Board", "partnership_board"),
        ("HWB", "Health and Wellbeing Board", "partnership_board"),
        ("clinical commissioning group", "Clinical Commissioning Group", "ccg_icb"),
        ("CCGs", "Clinical Commissioning Group", "ccg_icb"),
        ("integrated care board", "Integrated Care Board", "ccg_icb"),
        ("Local Safeguarding Children Board", "Local Safeguarding Children Board", "safeguarding"),
        ("LSCB", "Local Safeguarding Children Board", "safeguarding"),
        ("Safeguarding Adults Board", "Safeguarding Adults Board", "safeguarding"),
        ("MASH", "Multi-Agency Safeguarding Hub", "safeguarding"),
        ("CAMHS", "Child and Adolescent Mental Health Services", "service"),
        ("Children\u2019s Services", "Children's Services", "service"),
        ("Public Health", "Public Health", "service"),
        ("YOT", "Youth Offending Team", "service"),
        ("the Fire Service", "Fire and Rescue Service", "fire"),
        ("Cardiff and Vale UHB", "Cardiff and Vale University Health Board", "health_board"),
        ("Cardiff & Vale UHB", "Cardiff and Vale University Health Board", "health_board"),
        ("Aneurin Bevan UHB", "Aneurin Bevan University Health Board", "health_board"),
        ("Powys THB", "Powys Teaching Health Board", "health_board"),
        ("NWIS", "NHS Wales Informatics Service", "nhs_body"),
        ("DHCW", "Digital Health and Care Wales", "nhs_body"),
        ("Welsh Government", "Welsh Government", "government_department"),
        ("NHS Digital", "NHS Digital", "nhs_national"),
        ("Highways England", "National Highways", "government_department"),
        ("DLUHC", "Ministry of Housing, Communities and Local Government", "government_department"),
        ("MHCLG", "Ministry of Housing, Communities and Local Government", "government_department"),
        ("NALC", "National Association of Local Councils", "charity_association"),
        ("SLCC", "Society of Local Council Clerks", "charity_association"),
        ("LGA", "Local Government Association", "charity_association"),
        ("Environment Agency", "Environment Agency", "regulator"),
        ("Kent County Council", "Kent County Council", "local_authority"),
        ("KCC", "Kent County Council", "local_authority"),
        ("BCKLWN", "Borough Council of King's Lynn and West Norfolk", "local_authority"),
        ("Neath Port Talbot County Council", "Neath Port Talbot Council", "local_authority"),
        ("Stockton on Tees Borough Council", "Stockton-on-Tees Borough Council", "local_authority"),
        ("GMP", "Greater Manchester Police", "police"),
        ("Police", "Police", "police"),
        ("NSPCC", "NSPCC", "charity_association"),
        ("UNISON", "UNISON", "charity_association"),
        ("SOLACE", "Society of Local Authority Chief Executives", "charity_association"),
    ],
)
def test_lookup_org(raw, name, org_type):
    info = gz.lookup_org(raw)
    assert info is not None, raw
    assert (info.name, info.type) == (name, org_type)


@pytest.mark.parametrize("raw", ["la", "dfe", "ncc lcc", "Road", "Smith", "", "  ", "the", "unison", "solace"])
def test_lookup_org_misses(raw):
    assert gz.lookup_org(raw) is None


def test_acronyms_are_case_sensitive_names_are_not():
    assert gz.lookup_org("LA").name == "Local Authority"
    assert gz.lookup_org("la") is None
    assert gz.lookup_org("local authority").name == "Local Authority"
    assert gz.lookup_org("LOCAL AUTHORITY").name == "Local Authority"


def test_generic_entries_are_marked():
    assert gz.lookup_org("the local authority").generic
    assert gz.lookup_org("CCG").generic
    assert not gz.lookup_org("Ofsted").generic
    assert not gz.lookup_org("Norfolk County Council").generic


@pytest.mark.parametrize("acr", ["NCC", "PCC", "SCC", "LCC", "DCC", "UHB"])
def test_ambiguous_acronyms_of_several_bodies(acr):
    assert gz.is_ambiguous_acronym(acr)
    assert gz.expand_acronym(acr) is None
    info = gz.lookup_org(acr)  # known to be a body, but not which one
    assert info is not None and info.name == acr
    assert len(gz.lookup_org_candidates(acr)) > 1


def test_ncc_is_a_council_of_unknown_identity():
    info = gz.lookup_org("NCC")
    assert info.type == "local_authority"
    names = {c.name for c in gz.lookup_org_candidates("NCC")}
    assert {"Norfolk County Council", "Nottinghamshire County Council"} <= names


@pytest.mark.parametrize("acr", ["HRA", "PCN", "RCT"])
def test_acronyms_that_are_often_not_organisations(acr):
    assert gz.is_ambiguous_acronym(acr)
    assert gz.expand_acronym(acr) is None
    assert gz.lookup_org(acr) is None


@pytest.mark.parametrize(
    "acr, name",
    [("DfE", "Department for Education"), ("CQC", "Care Quality Commission"), ("LA", "Local Authority"),
     ("NWIS", "NHS Wales Informatics Service"), ("ICCM", "Institute of Cemetery and Crematorium Management"),
     ("la", None), ("XYZQ", None)],
)
def test_expand_acronym(acr, name):
    assert gz.expand_acronym(acr) == name
    assert not gz.is_ambiguous_acronym(acr)


def test_org_surface_patterns_longest_first():
    pats = gz.org_surface_patterns()
    assert len(pats) == len(set(pats))
    assert [len(p) for p in pats] == sorted((len(p) for p in pats), reverse=True)
    for form in ("Ofsted", "DfE", "LA", "Health and Wellbeing Board", "clinical commissioning group"):
        assert form in pats
    assert set(gz.org_name_patterns()) | set(gz.org_acronym_patterns()) == set(pats)


def test_find_orgs_in_text():
    text = ("The LA and the clinical commissioning group reported to the Health and Well-being Board; "
            "Ofsted\u2019s letter went to NCC, and planning was discussed with Planning.")
    found = [(m.text, m.entry.name if m.entry else None) for m in gz.find_orgs(text)]
    assert found == [
        ("LA", "Local Authority"),
        ("clinical commissioning group", "Clinical Commissioning Group"),
        ("Health and Well-being Board", "Health and Wellbeing Board"),
        ("Ofsted\u2019s", "Ofsted"),
        ("NCC", None),
        ("Planning", "Planning"),
    ]
    for m in gz.find_orgs(text):
        assert text[m.start:m.end] == m.text


# --------------------------------------------------------------------------- table checks


def test_organisations_table_is_well_formed():
    header, rows = _raw_rows("organisations.tsv")
    assert tuple(header) == gz.ORG_COLUMNS
    assert len(rows) >= 250
    for row in rows:
        assert len(row) == len(gz.ORG_COLUMNS), row
        name, org_type, acronyms, aliases, generic = row
        assert name and name == name.strip(), row
        assert org_type in gz.ORG_TYPES, row
        assert generic in ("", "yes"), row
        for cell in (acronyms, aliases):
            assert all(x.strip() for x in cell.split(";")) or not cell, row
        assert all(" " not in a.strip() or "/" in a for a in acronyms.split(";") if a.strip()), row


def test_organisation_names_and_aliases_are_unique():
    owners = collections.defaultdict(set)
    for e in gz.organisations():
        for form in (e.name, *e.aliases):
            owners[gz.normalise(form)].add(e.name)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes
    names = [gz.normalise(e.name) for e in gz.organisations()]
    assert len(names) == len(set(names))


def test_shared_acronyms_are_listed_as_ambiguous():
    counts = collections.Counter(a for e in gz.organisations() for a in gz.case_sensitive_forms(e))
    listed = {ln.strip() for ln in (gz.gazetteer_dir() / "ambiguous_acronyms.txt").read_text("utf-8").splitlines()
              if ln.strip() and not ln.startswith("#")}
    assert {a for a, n in counts.items() if n > 1} <= listed
    assert listed <= set(counts), "list only acronyms that the gazetteer uses"


def test_acronyms_never_equal_another_entrys_name():
    keys = {gz.normalise(f): e.name for e in gz.organisations() for f in (e.name, *e.aliases)}
    for e in gz.organisations():
        for a in e.acronyms:
            other = keys.get(gz.normalise(a))
            assert other in (None, e.name), (a, e.name, other)


def test_posts_table_is_well_formed():
    header, rows = _raw_rows("posts.tsv")
    assert tuple(header) == gz.POST_COLUMNS
    for row in rows:
        assert len(row) == len(gz.POST_COLUMNS), row
        assert row[0] and row[2] in gz.POST_KINDS, row
    owners = collections.defaultdict(set)
    for p in gz.posts():
        for form in (p.post, *p.aliases):
            owners[form if gz._is_acronym(form) else gz.normalise(form)].add(p.post)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_counts():
    assert len(gz.organisations()) >= 250
    assert len(gz.first_names()) >= 1500
    assert len(gz.posts()) >= 60
    assert len(gz.titles()) >= 24


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    "token",
    ["Jim", "Sue", "Kit", "Andy", "Mike", "Bob", "Liz", "Kate", "Trudy", "Gail", "Donna", "Janet", "Mandy",
     "Daphne", "Gladys", "Deborah", "Kerry", "Julie", "Julia", "Cheryl", "Bradley", "Gareth", "Rebecca",
     "Rachel", "Colin", "Martin", "Chris", "Helen", "Basil", "Mark", "JULIA", "julia", "Siân", "Sian",
     "Mohammed", "Gurpreet", "Agnieszka", "Chidi", "Siobhan", "Mary-Jane"],
)
def test_is_first_name(token):
    assert gz.is_first_name(token)


@pytest.mark.parametrize("token", ["Road", "Council", "Board", "Will", "May", "June", "Grant", "Bill", "Chase",
                                   "Hall", "Field", "Page", "Lane", "Street", "Taylor", "Smith", "", "J", "2019"])
def test_is_not_first_name(token):
    assert not gz.is_first_name(token)


def test_first_names_file_has_a_header_comment():
    first = (gz.gazetteer_dir() / "first_names.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#")


@pytest.mark.parametrize("title", ["Cllr", "Cllr.", "Councillor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Rev",
                                   "Revd", "Reverend", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Canon",
                                   "Father", "Sister", "Alderman", "County Councillor", "District Councillor",
                                   "Borough Councillor", "cllr", "MRS"])
def test_titles(title):
    assert gz.is_title(title)


def test_titles_set_and_order():
    assert {"Cllr", "Councillor", "Mrs", "Dr", "County Councillor"} <= gz.titles()
    pats = gz.title_patterns()
    assert pats.index("County Councillor") < pats.index("Councillor")
    assert not gz.is_title("Council")


# --------------------------------------------------------------------------- posts


@pytest.mark.parametrize(
    "raw, post, kind",
    [
        ("Parish Clerk", "Clerk", "officer"),
        ("Town Clerk", "Clerk", "officer"),
        ("the Clerk", "Clerk", "officer"),
        ("Clerk to the Council", "Clerk", "officer"),
        ("Vice Chair", "Vice-Chair", "chair"),
        ("Vice-Chairman", "Vice-Chair", "chair"),
        ("Deputy Chair", "Vice-Chair", "chair"),
        ("Chairman", "Chair", "chair"),
        ("Chairperson", "Chair", "chair"),
        ("Chair of the Board", "Chair", "chair"),
        ("Independent Chair", "Independent Chair", "chair"),
        ("RFO", "Responsible Financial Officer", "officer"),
        ("Financial Responsible Person", "Responsible Financial Officer", "officer"),
        ("Proper Officer", "Proper Officer", "officer"),
        ("Head Teacher", "Headteacher", "officer"),
        ("Headteacher", "Headteacher", "officer"),
        ("Deputy Head", "Deputy Headteacher", "officer"),
        ("DCS", "Director of Children's Services", "officer"),
        ("Director of Children\u2019s Services", "Director of Children's Services", "officer"),
        ("DASS", "Director of Adult Social Services", "officer"),
        ("DPH", "Director of Public Health", "officer"),
        ("CEO", "Chief Executive", "officer"),
        ("Monitoring Officer", "Monitoring Officer", "officer"),
        ("S151 Officer", "Section 151 Officer", "officer"),
        ("Section 151 Officer", "Section 151 Officer", "officer"),
        ("Democratic Services Officer", "Democratic Services Officer", "officer"),
        ("Scrutiny Officer", "Scrutiny Officer", "officer"),
        ("Cabinet Member", "Cabinet Member", "member"),
        ("Portfolio Holder", "Cabinet Member", "member"),
        ("Leader of the Council", "Leader of the Council", "member"),
        ("Mayor", "Mayor", "chair"),
        ("Lead Member", "Lead Member", "member"),
        ("DSL", "Designated Safeguarding Lead", "officer"),
        ("SENCO", "Special Educational Needs Coordinator", "officer"),
        ("SENCo", "Special Educational Needs Coordinator", "officer"),
        ("Footpath Warden", "Footpath Warden", "officer"),
        ("Tree Warden", "Tree Warden", "officer"),
        ("Parent Governor", "Parent Governor", "member"),
        ("Staff Governor", "Staff Governor", "member"),
        ("Co-opted Governor", "Co-opted Governor", "member"),
        ("LA Governor", "Local Authority Governor", "member"),
        ("Foundation Governor", "Foundation Governor", "member"),
        ("Business Manager", "Business Manager", "officer"),
        ("Medical Director", "Medical Director", "officer"),
        ("Director of Nursing", "Director of Nursing", "officer"),
    ],
)
def test_lookup_post(raw, post, kind):
    info = gz.lookup_post(raw)
    assert info is not None, raw
    assert (info.post, info.kind) == (post, kind)


@pytest.mark.parametrize("raw", ["rfo", "dcs", "Council", "Road", ""])
def test_lookup_post_misses(raw):
    assert gz.lookup_post(raw) is None


def test_post_patterns_longest_first():
    pats = gz.post_patterns()
    assert [len(p) for p in pats] == sorted((len(p) for p in pats), reverse=True)
    assert pats.index("Vice-Chair") < pats.index("Chair")
    assert "Parish Clerk" in pats and "RFO" in pats


def test_find_posts_in_text():
    text = "The Chair thanked the Parish Clerk and the RFO; the Vice Chair will chair the next meeting."
    assert [(m.text, m.entry.post) for m in gz.find_posts(text)] == [
        ("Chair", "Chair"), ("Parish Clerk", "Clerk"), ("RFO", "Responsible Financial Officer"),
        ("Vice Chair", "Vice-Chair"),
    ]
