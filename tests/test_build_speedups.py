"""The cheaper ways a build reads sentences and writes a document's N-Triples give what the
plain ways give: the sentence spans of the character-by-character reading, and the bytes of
Oxigraph's own serialiser."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from kg.pipeline import ntriples_of
from kg.segment import ABBREV, _paragraphs, _push, sentences
from kg.store import to_ox
from tests.conftest import CORPUS


def _sentences_char_by_char(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """kg.segment.sentences as it read before: every character looked at in turn."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text, start, end):
        s = para_start
        i = para_start
        while i < para_end:
            ch = text[i]
            if ch in ".!?" and i + 1 < para_end and (text[i + 1].isspace() or text[i + 1] in "\"'’”"):
                j = i + 1
                while j < para_end and text[j] in "\"'’”":
                    j += 1
                k = j
                while k < para_end and text[k].isspace():
                    k += 1
                if re.fullmatch(r"\(?(?:\d{1,3}(?:\.\d{1,2})*|[a-zA-Z]|[ivx]{1,4})", text[s:i].strip()):
                    i += 1
                    continue
                if k >= para_end or not ABBREV.search(text[max(s, i - 12):i + 1]) and (
                        text[k].isupper() or text[k].isdigit() or text[k] in "\"'‘“(•·-*_"):
                    _push(text, spans, s, j)
                    s = k
                    i = k
                    continue
            i += 1
        _push(text, spans, s, para_end)
    return spans


# minute text in the shapes that end (or do not end) a sentence: abbreviations, list numbers,
# quotes after the stop, questions, a stop at the very end, no stop at all
TEXTS = [
    "The Clerk will write to Mr. Hale. Cllr. Reed agreed. The meeting closed at 9.30 p.m.",
    "1.  To approve the minutes. 2.  To receive apologies.\n\nApologies: Cllr Brown.",
    "The Chair said “we will fix it.” Members agreed! Was the bench repaired? Yes.",
    "(a) Footpaths.  The county had not replied. (ii) Hedges. cut back e.g. at the school.",
    "No full stop here at all",
    "Ends with a stop.",
    "Quote.'' Next. \u00a0Then a no-break space. St. John's Ambulance attended. The Co. Ltd. paid.",
    "- Payments approved.\n- Accounts noted.\n• Item 3.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_spans_are_those_of_the_character_by_character_reading(text):
    assert sentences(text, 0, len(text)) == _sentences_char_by_char(text, 0, len(text))
    if len(text) > 10:  # a section inside the text
        assert sentences(text, 3, len(text) - 4) == _sentences_char_by_char(text, 3, len(text) - 4)


def test_sentence_spans_over_the_corpus():
    from kg.read import read_document
    paths = [p for p in sorted(CORPUS.glob("*")) + sorted((CORPUS / "unlabelled").glob("*"))
             if p.suffix in (".txt", ".md", ".xml")]
    if not paths:
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    for p in paths:
        text = read_document(str(p)).text
        assert sentences(text, 0, len(text)) == _sentences_char_by_char(text, 0, len(text)), p.name


G = "https://w3id.org/govkg/id/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
TRIPLES = [
    (URIRef(G + "meeting/x"), URIRef(G + "p/label"), Literal("Parish Council meeting 2019-12-04")),
    (URIRef(G + "passage/1-9"), URIRef("http://www.w3.org/ns/oa#exact"),
     Literal('The Chair said "thank you"\nand left.\tTab, back\\slash, bell\x07, del\x7f, line\u2028sep')),
    (URIRef(G + "passage/1-9"), URIRef("http://www.w3.org/ns/oa#start"), Literal(1, datatype=URIRef(_XSD + "integer"))),
    (URIRef(G + "m"), URIRef(G + "p/date"), Literal("2019-12-04", datatype=URIRef(_XSD + "date"))),
    (URIRef(G + "m"), URIRef(G + "p/flag"), Literal(True)),
    (URIRef(G + "m"), URIRef(G + "p/name"), Literal("Conseil municipal", lang="fr")),
    (URIRef(G + "m"), URIRef(G + "p/str"), Literal("typed", datatype=URIRef(_XSD + "string"))),
    (URIRef(G + "m"), URIRef(G + "p/empty"), Literal("")),
    (URIRef(G + "caf\u00e9"), URIRef(G + "p/unicode"), Literal("Ysgol Gymraeg – Cymraeg ’n’ “quotes” 😀")),
    (BNode("b1"), URIRef(G + "p/blank"), BNode("b2")),
    (URIRef(G + "meeting/x"), URIRef(G + "p/label"), Literal("Parish Council meeting 2019-12-04")),  # repeated
]


def _oxigraph(triples) -> bytes:
    return ox.serialize([ox.Triple(*map(to_ox, t)) for t in triples], format=ox.RdfFormat.N_TRIPLES)


def test_ntriples_are_the_bytes_oxigraph_writes():
    assert ntriples_of(TRIPLES) == _oxigraph(TRIPLES)


def test_a_document_graph_as_oxigraph_writes_it():
    from kg.pipeline import _graph_for
    from kg.vocab import DEFAULT_BASE
    from tests.conftest import FOUNDING
    g, _sha, result = _graph_for(str(FOUNDING), None, None, DEFAULT_BASE)
    assert result.status == "built" and len(g) > 100
    assert ntriples_of(g) == _oxigraph(g)


def test_an_iri_oxigraph_refuses_is_refused():
    with pytest.raises(ValueError):
        ntriples_of([(URIRef("not an iri"), URIRef(G + "p"), Literal("x"))])


# (text, a name written in it, where the name stands as a whole word): the shapes of a post
# holder's names in minutes, and the near misses a word boundary must refuse
WORD_STARTS = [
    ("Cllr Ann Lee (Chair) welcomed all. Ann Lee said", "Ann Lee", [5, 35]),
    ("Ann Leeson and Ann Lee_2 and Ann Lee.", "Ann Lee", [29]),
    ("Mr R Hill\nR Hill-Smith, R Hill", "R Hill", [3, 10, 24]),
    ("ARHill R Hillary R Hill", "R Hill", [17]),
    ("Jo Doe Jo Doe", "Jo Doe", [0, 7]),
    ("aaa", "aa", []),
    ("aa aaa aa", "aa", [0, 7]),
    ("Zoë Ash, Zoë Ashé, Zoë Ash²", "Zoë Ash", [0]),
    ("", "Ann", []),
]


@pytest.mark.parametrize("text, word, expected", WORD_STARTS)
def test_word_starts_are_the_whole_word_patterns_matches(text, word, expected):
    from kg.build import word_starts
    assert list(word_starts(text, word)) == expected
    assert [m.start() for m in re.finditer(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text)] == expected


# (a full name as written, its unique given name, the name from the given name on)
FROM_GIVEN = [
    ("Cllr Dr Ann Lee", "Ann", "Ann Lee"),
    ("Ann Lee", "Ann", "Ann Lee"),
    ("Councillor Mrs. Ann Lee", "Ann", "Ann Lee"),
    ("Cllr Annabel Lee", "Ann", "Cllr Annabel Lee"),
    ("Cllr Ann-Marie Lee", "Ann", "Ann-Marie Lee"),
    ("Ann Ann Lee", "Ann", "Ann Lee"),
    ("Cllr  Ann\nLee", "Ann", "Ann\nLee"),
    (" Ann Lee", "Ann", " Ann Lee"),
    ("Lee, Ann", "Ann", "Ann"),
    ("Mr Zoë Ash", "Zoë", "Zoë Ash"),
    ("Cllr Lee", "Ann", "Cllr Lee"),
]


@pytest.mark.parametrize("full, given, expected", FROM_GIVEN)
def test_a_name_from_its_given_name_is_the_patterns_cut(full, given, expected):
    from kg.extract import _from_word
    assert _from_word(full, given) == expected
    assert re.sub(r"^(?:\S+\.?\s+)*?(?=" + re.escape(given) + r"\b)", "", full) == expected


# minutes' lines with every kind of person mention: titled, full, initials, aliases, a given
# name and one capital ("Helen C"), a given name alone as a subject
NAMED_TEXTS = [
    "Present: Cllr Ann Lee (Chair), Mr R J Hill, Tom Baker (TB), Helen C and Helen J.\nTB to write. Tom said so.",
    "Apologies were received from Councillors Carey, E Ryan and Teefy. A Lee and GR White attended.",
    "Mr Oldfield Appointed Members: Cllr Sargent\nThe Clerk ask Steve\nBaldwin if he can help.",
    "No names here at all.",
]


def test_the_named_only_read_gives_the_full_and_titled_names_of_the_whole_read():
    from kg.extract.names import NameContext, declared_aliases, find_people
    texts = list(NAMED_TEXTS)
    folders = [CORPUS, CORPUS / "unlabelled"]
    from kg.read import read_document
    texts += [read_document(str(p)).text for f in folders if f.is_dir() for p in sorted(f.iterdir())
              if p.suffix in (".txt", ".md")]
    for text in texts:
        for ctx in (NameContext(aliases=declared_aliases(text)),
                    NameContext(aliases={"TB": "Tom Baker"}, surnames={"Baldwin", "Lee"}, given={"Tom": "Tom Baker"})):
            def kept(ms):
                return [(m.surface, m.start, m.end, m.kind) for m in ms if m.kind in ("full", "titled")]
            assert kept(find_people(text, 0, ctx, named_only=True)) == kept(find_people(text, 0, ctx)), text[:100]
