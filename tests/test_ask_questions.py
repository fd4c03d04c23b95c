"""Questions a scrutiny officer asks of the whole development corpus, answered from one store.

The store holds the nine scored documents of the development corpus (the bundled founding
minutes among them), nine bodies in all.  Each row is a question, its kind, fragments its
answer must say (regular expressions, each alone or as alternatives) and the meeting
(body and date) the rows saying them must come from.  The expected values were read from
the minutes themselves, not from what govkg printed.  A fragment is "said" when a row
holding it carries its evidence and names its meeting; an answer that says "Nothing in the
graph mentions ..." is wrong however much else it says.

A second table asks the same kinds of question of seven minutes from the corpus's
unlabelled folder (seven more bodies and house styles), to see how ask does on minutes
it was not written against.

`grade()` is the measure: right (every fragment said, from the right meeting), partly
(some), wrong (none, or a false "not in the graph") or refused (QuestionError).  Rows
marked xfail are wrong because extraction missed the fact, not because of ask (one
exception is said so); their reason says what is missing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from kg.errors import QuestionError
from tests.conftest import CORPUS, FOUNDING

DOCS = ["stoke-ferry-pc-2019-12-04.txt", "wtsb-2019-03-28.txt", "tintern-cc-2019-07-29.pdf",
        "cappamore-kilmallock-md-2023-03-23.md", "suffolk-libraries-board-2012-11-19.pdf",
        "suffolk-libraries-board-2016-03-31.pdf", "halesworth-library-friends-2015-05-05.pdf",
        "yic-head-neck-sig-2022-05-12.md"]

SF = r"Stoke Ferry Parish Council, 2019-12-04"
TIN = r"Tintern Community Council, 2019-07-29"
WTSB = r"Welsh Technical Standards Board, 2019-03-28"
CK = r"Cappamore.Kilmallock.*2023-03-23"
SL12 = r"Suffolk Libraries IPS Board, 2012-11-19"
SL16 = r"Suffolk Libraries IPS Board, 2016-03-31"
SL = r"Suffolk Libraries IPS Board, 201[26]"
HAL = r"Halesworth.*2015-05-05"
YIC = r"Head & Neck SIG, 2022-05-12"
WIR = r"Wirral Children.s Trust"


@dataclass(frozen=True)
class Q:
    kind: str
    question: str
    says: tuple[str, ...]   # each must be said; "a|b" is either
    where: str              # the meeting label of the rows that say them


QUESTIONS = [
    # -- who owns / is responsible for a thing (the thing named in any text, by stems) ------
    Q("owner", "who is writing to residents about garden waste?", (r"Helen Richardson",), SF),
    Q("owner", "who will contact the Conservation Officer about the mill buildings?", (r"Helen Richardson",), SF),
    Q("owner", "who is buying the beech hedging for the cemetery?", (r"Jim McNeill",), SF),
    Q("owner", "who is asking the developer to cut back the buddleia?", (r"Helen Richardson",), SF),
    Q("owner", "who is getting a second valuation of the slipway?", (r"Clerk",), TIN),
    Q("owner", "who is responsible for the pedestrian safety scheme?", (r"Evans",), TIN),
    Q("owner", "who will email the Welsh Ambulance Service about the defibrillator?", (r"Clerk",), TIN),
    Q("owner", "who is looking into the glazed window frame in Forge Road?", (r"Clerk",), TIN),
    Q("owner", "who is following up the Aldeburgh opening hours?", (r"Alison Wheeler",), SL12),
    Q("owner", "who will confirm the date of the Board Away Day?", (r"Alison Wheeler",), SL12),
    Q("owner", "who is taking the IPS Rules back to the Governance Committee?", (r"Sylvia Knights|Ian Brookman",),
      SL12),
    Q("owner", "who will manage the Staff Advisory Group budget?", (r"Marion Harvey|Charlotte Clark",), SL12),
    Q("owner", "who will send Stephen Taylor the Section 106 handbook?", (r"Krystal Vittles",), SL16),
    Q("owner", "who is investigating the Felixstowe Library sign?", (r"James Powell",), SL16),
    Q("owner", "who is responsible for training the Board on the app?", (r"Nikki Sturmey",), SL16),
    Q("owner", "who will follow up the Chatterbooks information?", (r"Sylvia Knights",), SL16),
    Q("owner", "who will approach Meraylah about the artwork?", (r"Alison Hopkins",), HAL),
    Q("owner", "who is moving the 100 Club funds?", (r"David Olds",), HAL),
    Q("owner", "who will arrange a guest speaker for the AGM?", (r"David Thomas",), HAL),
    Q("owner", "who is bringing the costs of the blinds?", (r"Alison Hopkins",), HAL),
    Q("owner", "who will provide the top twenty codes?", (r"Kate Clough",), YIC),
    Q("owner", "who is looking at the pineal cyst referral pathway?", (r"Helen Cliffe",), YIC),
    Q("owner", "who will contact the Mid-West Roads Office?", (r"McKechnie",), CK),
    Q("owner", "who is appointing a design team for the Bank of Ireland building?", (r"Innovate Limerick",), CK),
    Q("owner", "who will give the housing construction update in May?", (r"Kidney",), CK),
    Q("owner", "who will produce the blog post on standards?", (r"Mark Wardle",), WTSB),
    Q("owner", "who will recruit an independent advisor?", (r"Department for Education|DfE",), WIR),
    Q("accountable", "what is Helen Richardson responsible for?", (r"Mill Manager", r"garden waste|residents"), SF),
    Q("accountable", "what actions does Mike Stephens have?", (r"website", r"Treasurer"), HAL),
    Q("accountable", "what does Kate Clough have to do?", (r"twenty|20 codes",), YIC),
    Q("accountable", "what is Alison Wheeler accountable for?", (r"Aldeburgh", r"staff message"), SL),

    # -- decisions ----------------------------------------------------------------------------
    Q("decision", "what did Tintern decide about the diversion order?", (r"Diversion Order",), TIN),
    Q("decision", "what did the board decide about the ICT strategy?", (r"ICT strategy",), SL12),
    Q("decision", "what did the Suffolk Libraries board decide about the environmental policy?",
      (r"Environmental Policy",), SL16),
    Q("decision", "what was decided about the cemetery regulations?", (r"cemetery regulations",), SF),
    Q("decision", "what did the Welsh Technical Standards Board decide about FHIR?", (r"FHIR",), WTSB),
    Q("decision", "what was decided about the 100 Club funds?", (r"Friends account",), HAL),
    Q("decision", "what was decided about the Schedule of Municipal District Works?", (r"unanimous",), CK),
    Q("decision", "what was decided about the mandible?", (r"CMAND",), YIC),
    Q("decision", "what did the board decide about the terms of reference?", (r"Terms of Reference",), WIR + "|" + SL12),

    # -- time --------------------------------------------------------------------------------
    Q("time", "what was decided in March 2016?", (r"Environmental Policy",), SL16),
    Q("time", "what actions were agreed in July 2019?", (r"valuation",), TIN),
    Q("time", "what was decided in 2012?", (r"ICT strategy",), SL12),
    Q("time", "what actions were agreed since 2020?", (r"Kate Clough", r"McKechnie"), YIC + "|" + CK),
    Q("time", "what was decided at the May meeting?", (r"100 Club", r"mandible|CMAND"), HAL + "|" + YIC),
    Q("time", "what actions were agreed before 2013?", (r"Aldeburgh",), SL12),
    Q("time", "who chaired the meeting in November 2012?", (r"Shona Bendix",), SL12),

    # -- listing, counting, the most -----------------------------------------------------------
    Q("count", "how many people sent apologies to the Welsh Technical Standards Board?", (r"^9 people",), WTSB),
    Q("count", "how many apologies were there at Stoke Ferry?", (r"^3 ",), SF),
    Q("count", "how many interests were declared at Tintern?", (r"^2 ",), TIN),
    Q("count", "how many people attended the Halesworth meeting?", (r"^10 people",), HAL),
    Q("list", "list everyone who sent apologies to the Suffolk Libraries board in 2016",
      (r"Tony Brown", r"Krystal Vittles", r"Paul Howarth"), SL16),
    Q("list", "list everyone who attended the Head & Neck SIG meeting", (r"Kate Clough", r"Debra Punshon"), YIC),
    Q("list", "list everyone who was present at Tintern", (r"Hayward", r"Cobb"), TIN),
    Q("most", "who has the most actions at Stoke Ferry?", (r"^Helen Richardson",), SF),
    Q("most", "who has the most actions at Tintern?", (r"^(?:the )?Clerk",), TIN),
    Q("most", "who has the most actions in the 2012 board meeting?", (r"^Alison Wheeler",), SL12),
    Q("most", "who asked the most questions at the Welsh Technical Standards Board?", (r"^Andrew Nelson",), WTSB),

    # -- proposer, seconder, vote --------------------------------------------------------------
    Q("vote", "who proposed the GDPR policy renewal?", (r"proposed by Jim McNeill",), SF),
    Q("vote", "who seconded the payments?", (r"seconded by Sue Lintern",), SF),
    Q("vote", "how did the vote go on the cemetery regulations?", (r"five in favour|5 in favour", r"abstain"), SF),
    Q("vote", "who proposed the motion on Radharc Na Cille?", (r"proposed by .*Carey",), CK),
    Q("vote", "who seconded the twinning motion?", (r"seconded by .*Ryan",), CK),
    Q("vote", "who seconded the minutes at Cappamore-Kilmallock?", (r"seconded by .*Mitchell",), CK),
    Q("vote", "who proposed that Sheila Freeman continue as Co-ordinator?", (r"proposed by David Thomas",), HAL),
    Q("vote", "who seconded Sheila continuing as co-ordinator of the Events Group?", (r"seconded by Al\w+ H",), HAL),

    # -- who holds a post --------------------------------------------------------------------
    Q("post", "who is the clerk of Stoke Ferry Parish Council?", (r"Helen Richardson",), SF),
    Q("post", "who is the vice chair of Stoke Ferry Parish Council?", (r"Jim McNeill",), SF),
    Q("post", "who is the Footpath Warden?", (r"Chris Philpott",), SF),
    Q("post", "who is the chief executive of Suffolk Libraries?", (r"Alison Wheeler",), SL16),
    Q("post", "who is the Governance Manager?", (r"Nikki Sturmey",), SL16),
    Q("post", "who is the secretary of the Suffolk Libraries board?", (r"Mike Hosking", r"Jonathan Ogden"), SL),
    Q("post", "who is the Senior Executive Engineer?", (r"McKechnie",), CK),
    Q("post", "who is the Meetings Administrator at Cappamore-Kilmallock?", (r"O.Brien",), CK),
    Q("post", "who is the chair of the Welsh Technical Standards Board?", (r"Mark Wardle",), WTSB),

    # -- what an inspector found (the development corpus has one inspected body) ---------------
    Q("inspection", "what did Ofsted rate children's services?", (r"inadequate",), WIR),
    Q("inspection", "how was adoption rated?", (r"requires improvement",), WIR),
    Q("inspection", "what did Ofsted find about care leavers?", (r"inadequate",), WIR),

    # -- the next meeting --------------------------------------------------------------------
    Q("next", "when is the next meeting of Stoke Ferry Parish Council?", (r"8 January 2020",), SF),
    Q("next", "when does Tintern Community Council meet next?", (r"19(?:th)? August",), TIN),
    Q("next", "when is the next Halesworth Friends meeting?", (r"2nd June 2015",), HAL),
    Q("next", "when is the next meeting of the Suffolk Libraries board?", (r"26th May 2016",), SL16),
    Q("next", "when will the Head & Neck SIG meet again?", (r"September",), YIC),
    Q("next", "when is the next Cappamore-Kilmallock meeting?", (r"20(?:th)? April",), CK),
    Q("next", "when is the next meeting of the Children's Trust?", (r"23rd January",), WIR),

    # -- what happened at a meeting ------------------------------------------------------------
    Q("happened", "what happened at the Tintern meeting?", (r"Diversion Order", r"valuation"), TIN),
    Q("happened", "what happened at the Welsh Technical Standards Board meeting?", (r"FHIR", r"blog"), WTSB),
    Q("happened", "what happened at the Halesworth meeting in May 2015?", (r"100 Club",), HAL),
    Q("happened", "what was discussed at the Head & Neck SIG?", (r"mandible", r"Kate Clough"), YIC),
    Q("happened", "summarise the Cappamore-Kilmallock meeting", (r"Municipal District Works", r"twinning"), CK),
    Q("happened", "what happened at the Suffolk Libraries board meeting on 19 November 2012?", (r"ICT strategy",),
      SL12),

    # -- was a person at the meeting -------------------------------------------------------------
    Q("there", "was Cllr Hoskins at the Tintern meeting?", (r"^No\b.*apologies",), TIN),
    Q("there", "was Tony Brown at the board meeting in March 2016?", (r"^No\b.*apologies",), SL16),
    Q("there", "did Tamsyn Imison attend the Halesworth meeting?", (r"^No\b.*apologies",), HAL),
    Q("there", "was Kate Clough at the Head & Neck SIG meeting?", (r"^Yes",), YIC),
    Q("there", "was Councillor Teefy at the Cappamore-Kilmallock meeting?", (r"^Yes",), CK),
    Q("there", "was Ann Wrightson at the Welsh Technical Standards Board meeting?", (r"^No\b.*apologies",), WTSB),
    Q("there", "was Kerry Crichlow at the Children's Trust meeting?", (r"^No\b.*apologies",), WIR),
    Q("there", "was Daphne Clements at the December meeting?", (r"^No\b.*apologies",), SF),

    # -- what a person said about a thing ------------------------------------------------------
    Q("said", "what did Andrew Nelson ask about prescribing standards?", (r"(?=.*Andrew Nelson)(?=.*prescrib)",), WTSB),
    Q("said", "what did Mark Frayne say about Epic and Cerner?", (r"Mark Frayne",), WTSB),
    Q("said", "what did Stephen Taylor ask about opening hours?", (r"(?=.*Stephen Taylor)(?=.*opening hours)",), SL16),
    Q("said", "what did Sue Buck ask about the Hub?", (r"(?=.*Sue Buck)(?=.*Hub)",), SL16),
    Q("said", "what did Kate Clough say about shared reporting?", (r"Kate Clough",), YIC),
    Q("said", "what did Brook Adams ask about cauda equina?", (r"(?=.*Brook Adams)(?=.*cauda)",), YIC),
    Q("said", "what did Cllr Teefy ask about disability parking?", (r"(?=.*Teefy)(?=.*disab)",), CK),
    Q("said", "what did Cllr Carey ask about the footpath?", (r"(?=.*Carey)(?=.*(?:footpath|Garrienderk))",), CK),
    Q("said", "what did Cllr Ashman say about the A466?", (r"Ashman",), TIN),
    Q("said", "what did Martin Storey say about planning?", (r"(?=.*Martin Storey)(?=.*financ)",), SF),

    # -- attendance -------------------------------------------------------------------------------
    Q("attendance", "who chaired the Suffolk Libraries board meeting in March 2016?", (r"Sylvia Knights",), SL16),
    Q("attendance", "who chaired the Cappamore-Kilmallock meeting?", (r"Egan",), CK),
    Q("attendance", "who sent apologies to the Welsh Technical Standards Board?", (r"Ann Wrightson", r"Tom Crick"),
      WTSB),
    Q("attendance", "who attended the Stoke Ferry meeting?", (r"Trudy Mann", r"Donna Stocking"), SF),
    Q("attendance", "who was in attendance at Cappamore-Kilmallock?", (r"Kennedy", r"McKechnie"), CK),
    Q("attendance", "who sent apologies to the Children's Trust?", (r"Kerry Crichlow",), WIR),
    Q("attendance", "who sent apologies to the Halesworth meeting?", (r"Tamsyn Imison",), HAL),
    # a meeting called by its minutes' own title ("2022 Spring Head & Neck SIG Meeting", "MINUTES OF
    # PROCEEDINGS OF MONTHLY MEETING"), or by its body's name with a kind of body the name lacks
    Q("attendance", "who attended the Spring Head & Neck SIG meeting?", (r"Kate Clough", r"Debra Punshon"), YIC),
    Q("attendance", "who chaired the Cappamore-Kilmallock monthly meeting?", (r"Egan",), CK),
    Q("attendance", "who sent apologies to the Halesworth Friends committee?", (r"Tamsyn Imison",), HAL),
    Q("attendance", "who sent apologies to the Welsh Technical Standards Board committee?", (r"Ann Wrightson",),
      WTSB),
    Q("post", "who is the Governance Manager of the Suffolk Libraries IPS committee?", (r"Nikki Sturmey",), SL16),

    # -- declarations of interest ----------------------------------------------------------------
    Q("interest", "what interests were declared at Tintern?", (r"Hillard", r"Hayward"), TIN),
    Q("interest", "did Janet Taylor declare an interest?", (r"payments",), SF),
    Q("interest", "what interest did Mike Hosking declare?", (r"volunteers|CILIP",), SL12),
    Q("interest", "who declared an interest at the Children's Trust?", (r"Meaden",), WIR),
    # -- the shapes a ninth unseen set showed (kg/ask.py; each asked of this store and graded by
    # reading the minutes before the row was written) ------------------------------------------
    # what was said / reported / raised about a thing, by anyone
    Q("said about", "what was said about the mill site?", (r"Martin Storey",), SF),
    Q("said about", "what was raised about Epic and Cerner?", (r"(?=.*Andrew Nelson)(?=.*Epic)",), WTSB),
    Q("said about", "what was said about the statement of principles?", (r"Andrew Nelson",), WTSB),
    Q("said about", "what was reported about the Chatterbooks?", (r"Sylvia Knights",), SL16),
    Q("said about", "what was said about the pineal cyst?", (r"referral on HC",), YIC),
    Q("said about", "what was discussed about the Radharc Na Cille?", (r"inspection",), CK),
    Q("said about", "what was reported about the A466 road closure?", (r"extended until 2nd August",), TIN),
    # were any interests declared at a meeting
    Q("any interests", "were any interests declared at the Stoke Ferry Parish Council meeting?", (r"Janet Taylor",),
      SF),
    Q("any interests", "were any interests declared at the Tintern meeting?", (r"Hillard", r"Hayward"), TIN),
    Q("any interests", "were any interests declared at the Suffolk Libraries board meeting in November 2012?",
      (r"Mike Hosking",), SL12),
    Q("any interests", "did anyone declare an interest at the Children's Trust meeting?", (r"Meaden",), WIR),
    Q("any interests", "were any interests declared at the Suffolk Libraries board meeting in March 2016?",
      (r"no declarations of interest",), SL16),
    # who proposed / seconded the minutes at a meeting (a third body: the unlabelled table's Limerick rows)
    Q("vote", "who seconded the minutes at the Stoke Ferry Parish Council meeting?", (r"seconded by Jim McNeill",), SF),
    Q("vote", "who proposed the minutes at the Stoke Ferry Parish Council meeting?", (r"proposed by Janet Taylor",),
      SF),
    Q("vote", "who seconded the minutes at the Cappamore-Kilmallock meeting?", (r"seconded by .*Mitchell",), CK),
    Q("vote", "who proposed the minutes at the Cappamore-Kilmallock meeting?", (r"proposed by .*Donegan",), CK),
    # what did X say about Y where no statement of theirs names Y: the sentences naming them and Y
    Q("said (sentences)", "what did Cllr Evans say about Usk Town Council?", (r"(?=.*Evans)(?=.*20mph)",), TIN),
    Q("said (sentences)", "what did Cllr Richards say about the full work force?", (r"business owner",), TIN),
    Q("said (sentences)", "what did County Cllr Webb ask about the closure?", (r"postponed",), TIN),
    Q("said (sentences)", "what did Cllr Kit Hesketh Harvey say about planning?", (r"emailed to Planning",), SF),
    Q("said (sentences)", "what did Alison say about the blinds?", (r"(?=.*Alison Hopkins)(?=.*blinds)",), HAL),
]

# Wrong because extraction does not hold the fact (ask cannot say what the graph lacks).
EXTRACTION_MISSES: dict[str, str] = {
    "what was reported about the A466 road closure?":
        "the update naming the closure states no fact, so it is no passage of the graph; a decision two "
        "sentences on is given instead",
    "were any interests declared at the Suffolk Libraries board meeting in March 2016?":
        "'There were no declarations of interest.' states no fact: the answer says none, quoting nothing",
    "who will approach Meraylah about the artwork?": "'AH' (AHol or AHop in the attendance) is left unresolved",
    "who seconded Sheila continuing as co-ordinator of the Events Group?":
        "'AH seconded' is left unresolved (AHol or AHop)",
    "who is looking at the pineal cyst referral pathway?":
        "an item heading 'Pineal cyst referral on HC's to do list' is not read as HC's action",
    "who will contact the Mid-West Roads Office?":
        "'(the SEE will contact the Mid-West Roads Office ...)' is not extracted as the engineer's action",
    "what actions were agreed since 2020?": "the engineer's Mid-West Roads Office action is not extracted",
    "who is appointing a design team for the Bank of Ireland building?":
        "'Innovate Limerick has commenced the procurement process to appoint a Design Team' is not an action",
    "what actions does Mike Stephens have?":
        "MS's actions are taken with the wrong sentences ('Evelyn offered to assist'); posting the minutes "
        "and the Treasurer role are missing",
    "what is Alison Wheeler accountable for?":
        "the Aldeburgh action is 'check the final outcome' under a mis-titled item (a minutes correction line)",
    "what actions were agreed before 2013?": "the Aldeburgh action is 'check the final outcome', under a "
                                              "mis-titled item",
    "what did Cllr Ashman say about the A466?":
        "the bullet heading 'A466 Road Closure' is not an item, and the sentences before say only 'there'",
}


# -- the same kinds on seven minutes of the corpus's unlabelled folder (other bodies, other
#    house styles), read by hand; first asked before ask was changed for them -----------------

UNSEEN_DOCS = ["tintern-cc-2020-11-30.txt", "wye-valley-cc-2024-10-28.txt", "licton-springs-cc-2020-01-22.md",
               "osgeo-uk-agm-2020-10-28.md", "yorkshire-imaging-collab-msk-sig-2024-02-07.md",
               "limerick-ccc-transport-spc-2024-04-23.md", "friends-halesworth-library-trustees-2016-01-26.pdf"]

WYE = r"2024-10-28"   # the minutes state no date (they open at "Present:"); the file's name dates them
TIN20 = r"2020-11-30"
LS = r"Licton Springs Community Council, 2020-01-22"
OS = r"OSGeo:UK, 2020-10-28"
MSK = r"MSK SIG, 2024-02-07"
LIM = r"Strategic Policy Committee, 2024-04-23"
HAL16 = r"Halesworth.*2016-01-26"

UNSEEN_QUESTIONS = [
    Q("owner", "who is pursuing the Llandogo Play Area?", (r"Parker",), WYE),
    Q("owner", "who will make enquiries about the derelict building?", (r"Clerk",), WYE),
    Q("owner", "who will get more information about the Llandogo premises?", (r"Gavin",), WYE),
    Q("owner", "who will chase the Wye River Bridge repairs?", (r"Clerk",), TIN20),
    Q("owner", "who will order the noticeboards?", (r"Clerk",), TIN20),
    Q("owner", "who is looking into tidal power?", (r"Evans",), TIN20),
    Q("owner", "who will purchase a Christmas tree?", (r"Hoskins|Hayward",), TIN20),
    Q("owner", "who will write to Glos CC about vehicles using the bridge?", (r"Clerk",), TIN20),
    Q("owner", "who will email Kathleen Braden the contact addresses?", (r"Shayna Daitch|SD\b",), LS),
    Q("owner", "who will include the additional deposit on the treasurer's report?", (r"Ellen",), LS),
    Q("owner", "who will administer the Zoom subscription?", (r"Steven",), OS),
    Q("owner", "who will research other projects with funding requirements?", (r"Tom C",), OS),
    Q("owner", "who will post on LinkedIn?", (r"Tom A",), OS),
    Q("owner", "who will share the pilot study on saline MRA?", (r"Pankaj",), MSK),
    Q("owner", "who will talk to the banks about the transfer from HSBC?", (r"Mike Stephens|MS\b",), HAL16),
    Q("owner", "who is buying the planters?", (r"David Olds|DO\b",), HAL16),
    Q("owner", "who will enquire about using the TV in the library window?", (r"Alison Hopkins|AHop",), HAL16),
    Q("attendance", "who sent apologies to the Wye Valley meeting?", (r"Morrison",), WYE),
    Q("attendance", "who sent apologies to the Tintern meeting in November 2020?", (r"Hoskins", r"Hayward"), TIN20),
    Q("attendance", "who chaired the Tintern meeting?", (r"Shewell",), TIN20),
    Q("attendance", "who attended the Licton Springs meeting?", (r"Amanda Crosley", r"Kathleen Braden"), LS),
    Q("attendance", "who sent apologies to the OSGeo AGM?", (r"Dave Barter",), OS),
    Q("attendance", "who attended the MSK SIG meeting?", (r"James Baren", r"Gill Barber"), MSK),
    Q("attendance", "who chaired the Strategic Policy Committee meeting?", (r"Novak",), LIM),
    Q("attendance", "who sent apologies to the Halesworth meeting in January 2016?", (r"David Thomas", r"Andrew Payne"), HAL16),
    Q("there", "was Cllr Ashman at the Wye Valley meeting?", (r"^Yes",), WYE),
    Q("there", "was Cllr Teefy at the Strategic Policy Committee meeting?", (r"^Yes",), LIM),
    Q("there", "was David Thomas at the Halesworth meeting in January 2016?", (r"^No\b.*apologies",), HAL16),
    Q("vote", "who proposed prohibiting overnight parking?", (r"Mawdsley",), WYE),
    Q("vote", "who proposed the minutes at the Strategic Policy Committee?", (r"proposed by .*Leddin",), LIM),
    Q("vote", "who seconded the minutes at the Strategic Policy Committee?", (r"seconded by .*Donovan",), LIM),
    Q("vote", "who proposed ordering more Licton Springs brochures?", (r"Ellen",), LS),
    Q("decision", "what was decided about the bench outside St Mary's Churchyard?", (r"not purchase",), WYE),
    Q("decision", "what was decided about the Llandogo School donation?", (r"500",), TIN20),
    Q("decision", "what was decided about Amanda's work hours?", (r"contribute",), LS),
    Q("decision", "what was decided about sponsoring QGIS?", (r"agreed in principle",), OS),
    Q("decision", "what was decided about the wi-fi?", (r"to pay",), HAL16),
    Q("said", "what did Cllr Mawdsley ask about the Abbey Hotel?", (r"(?=.*Mawdsley)(?=.*Abbey Hotel)",), WYE),
    Q("said", "what did Cllr Richards say about the A466 closure?", (r"(?=.*Richards)(?=.*(?:anguish|closure))",), TIN20),
    Q("said", "what did Lindsey Webb ask about the grocery store?", (r"(?=.*Lindsey Webb)(?=.*grocery)",), LS),
    Q("said", "what did Dan Fascia say about the protocol?", (r"(?=.*Fascia)(?=.*(?:Harrogate|radiographer))",), MSK),
    Q("said", "what did Cllr O'Donovan say about the bike scheme?", (r"(?=.*Donovan)(?=.*(?:scheme|scrapped))",), LIM),
    Q("said", "what did Mr Kennedy say about Park and Ride?", (r"(?=.*Kennedy)(?=.*Park and Ride)",), LIM),
    Q("said", "what did Evelyn Lindqvist say about Gift Aid?", (r"(?=.*(?:Evelyn|EL))(?=.*HMRC)",), HAL16),
    Q("post", "who is the treasurer of OSGeo:UK?", (r"Matt Travis",), OS),
    Q("post", "who is the chair of OSGeo:UK?", (r"Jo Cook",), OS),
    Q("post", "who is the secretary of Licton Springs Community Council?", (r"Kathleen Braden",), LS),
    Q("post", "who is the chair of the Friends of Halesworth Library?", (r"Alan Holzer",), HAL16),
    Q("next", "when is the next Wye Valley meeting?", (r"25th November",), WYE),
    Q("next", "when is the next Tintern meeting?", (r"January 4th",), TIN20),
    Q("next", "when is the next Halesworth meeting?", (r"15th March 2016",), HAL16),
    Q("happened", "what happened at the MSK SIG meeting?", (r"Pankaj",), MSK),
    Q("happened", "what happened at the OSGeo AGM?", (r"Zoom|QGIS",), OS),
    Q("count", "how many apologies were there at Tintern?", (r"^2 ",), TIN20),
    Q("presented", "who presented the parking permits for voluntary organisations?", (r"McDonnell",), LIM),
]

UNSEEN_MISSES: dict[str, str] = {
    "who proposed ordering more Licton Springs brochures?": "'Ellen proposed that LSCC order more copies ...' is "
                                                            "not a statement",
    "what was decided about Amanda's work hours?": "'M/S/A that Licton Springs will contribute ...' is not a decision",
    "who is the secretary of Licton Springs Community Council?": "'Notes submitted by Kathleen Braden, Secretary' "
                                                                 "is not read as a post",
}


# -- a third set: thirty questions of six more unlabelled minutes (not used above), their
#    expected answers written from reading the minutes before govkg was run on them.  Asked
#    first: 19 of 30 right; after the changes made for them (officers' lines, a post in
#    brackets with more after it, names across a line end, "Honorary Secretary" as Secretary,
#    the matter named in the sentence before a motion): 24 of 30; with "Action Clerk to ..." read
#    as an action (work merged since): 26 of 30; with a tally written number first ("7 for 2
#    abstentions.") read as the vote: 27 of 30; with a list's last name wrapped onto a line of
#    prose ("... and Colin" / "Rockall. Stephen ...") kept in the list: 28 of 30.  The next-meeting question
#    was written after the next-meeting rule, whose check read these minutes too. ------------

FRESH_DOCS = ["broomhill-cc-2024-10-09.pdf", "souldern-pc-2016-09-29.pdf", "pevensey-town-trust-2016-11-09.pdf",
              "suffolk-libraries-ips-board-2016-10-27.pdf", "hyndland-primary-parent-council-2025-10-22.pdf",
              "london-ontario-community-protective-services-cttee-2025-06-09.md"]

BCC = r"Broomhill Community Council, 2024-10-09"
SOU = r"Souldern Parish Council, 2016-09-29"
PTT = r"Pevensey Town Trust, 2016-11-09"
SLI = r"Suffolk.{0,2} Libraries IPS.*2016-10-27"
HYN = r"Hyndland Primary Parent Council"   # the minutes give the day, not the year
LON = r"Community and Protective Services Committee, 2025-06-09"

FRESH_QUESTIONS = [
    Q("post", "who is the secretary of Broomhill Community Council?", (r"Hector Rufrancos",), BCC),
    Q("attendance", "who sent apologies to the Broomhill meeting?", (r"Jassemi", r"Reid-McConnell"), BCC),
    Q("owner", "who will attend the VPAP meeting?", (r"David Rennie|\bDR\b",), BCC),
    Q("decision", "what was decided about the winding up fees?", (r"70",), BCC),
    Q("next", "when is the next Broomhill meeting?", (r"13 November 2024",), BCC),
    Q("owner", "who will contact Sarah Aldous?", (r"Draper|\bKD\b",), SOU),
    Q("owner", "who will approach the clerk at Fritwell?", (r"Oakhill|\bNO\b",), SOU),
    Q("count", "how many apologies were there at Souldern?", (r"^6 ",), SOU),
    Q("vote", "who seconded the minutes at Souldern?", (r"Allpress|\bKA\b",), SOU),
    Q("accountable", "what is K Draper responsible for?", (r"Sarah Aldous", r"Defib|Anne Callow"), SOU),
    Q("owner", "who will contact Wealden Conservation?", (r"Clerk|Molog",), PTT),
    Q("owner", "who is investigating the cost of a flag?", (r"Slater|\bRS\b",), PTT),
    Q("vote", "who proposed accepting the estimate for the heaters?", (r"Parsons|\bGP\b",), PTT),
    Q("vote", "how did the vote go on the donation to St Nicolas?", (r"7 for", r"abstention|abstain"), PTT),
    Q("decision", "what was decided about the repairs to the Gaol?", (r"11k",), PTT),
    Q("attendance", "who chaired the Pevensey Town Trust meeting?", (r"Slater",), PTT),
    Q("most", "who has the most actions at Pevensey?", (r"^(?:the )?(?:Honorary )?Clerk|^.*Molog",), PTT),
    Q("post", "who is the Honorary Secretary of Suffolk Libraries?", (r"Maureen Garrett Simpson",), SLI),
    Q("list", "list everyone who sent apologies to the Suffolk Libraries board", (r"Charlotte Clark", r"Colin Rockall"),
      SLI),
    Q("said", "what did Cllr Smith say about austerity?", (r"(?=.*Smith)(?=.*austerity)",), SLI),
    Q("decision", "what was decided about the self-service software?", (r"Dootrix",), SLI),
    Q("owner", "who will amend the terms of reference for the committees?", (r"Nikki Sturmey|\bNS\b",), SLI),
    Q("time", "what was decided in October 2016?", (r"Dootrix|Standing Orders|Code of Conduct",), SLI),
    Q("owner", "who will contact Hillhead Sports Club?", (r"Nina Bristow|\bNB\b",), HYN),
    Q("owner", "who is contacting the council about fence painting?", (r"Dorian Grieve|\bDG\b",), HYN),
    Q("post", "who is the treasurer of Hyndland Primary Parent Council?", (r"Susan Kesson",), HYN),
    Q("there", "was Jack Mata at the Hyndland Parent Council meeting?", (r"^Yes",), HYN),
    Q("happened", "what happened at the Hyndland Parent Council meeting?", (r"PVG",), HYN),
    Q("vote", "who moved the Blue Box transition motion?", (r"Cuddy",), LON),
    Q("vote", "how did the vote go on referring the Highly Supportive Housing Plan?", (r"2 to 3|fail",), LON),
]

FRESH_MISSES: dict[str, str] = {
    "who seconded the minutes at Souldern?": "'Prop: KD 2nd: KA' under a decision is not read as its proposer and "
                                             "seconder (seen in one body only)",
    "how did the vote go on referring the Highly Supportive Housing Plan?":
        "'Motion Failed (2 to 3)' after a table of yeas and nays is not read as a vote",
}


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """One store of the whole development corpus: nine bodies."""
    missing = [d for d in DOCS if not (CORPUS / d).exists()]
    if missing:
        pytest.skip(f"{CORPUS} lacks {missing[0]} (the development corpus is not part of the project)")
    from kg.pipeline import build_into_store
    path = tmp_path_factory.mktemp("corpus") / "store"
    report = build_into_store([str(FOUNDING)] + [str(CORPUS / d) for d in DOCS], str(path))
    assert not report.failed, report.failed
    return path


@pytest.fixture
def corpus(corpus_store):
    from kg.store import GraphStore
    with GraphStore(str(corpus_store), read_only=True) as st:
        yield st


@pytest.fixture(scope="module")
def unseen_store(tmp_path_factory):
    """One store of seven unlabelled minutes: seven more bodies."""
    folder = CORPUS / "unlabelled"
    missing = [d for d in UNSEEN_DOCS if not (folder / d).exists()]
    if missing:
        pytest.skip(f"{folder} lacks {missing[0]} (the development corpus is not part of the project)")
    from kg.pipeline import build_into_store
    path = tmp_path_factory.mktemp("unseen") / "store"
    report = build_into_store([str(folder / d) for d in UNSEEN_DOCS], str(path))
    assert not report.failed, report.failed
    return path


@pytest.fixture(scope="module")
def fresh_store(tmp_path_factory):
    """One store of six more unlabelled minutes: six more bodies."""
    folder = CORPUS / "unlabelled"
    missing = [d for d in FRESH_DOCS if not (folder / d).exists()]
    if missing:
        pytest.skip(f"{folder} lacks {missing[0]} (the development corpus is not part of the project)")
    from kg.pipeline import build_into_store
    path = tmp_path_factory.mktemp("fresh") / "store"
    report = build_into_store([str(folder / d) for d in FRESH_DOCS], str(path))
    assert not report.failed, report.failed
    return path


@pytest.fixture
def fresh(fresh_store):
    from kg.store import GraphStore
    with GraphStore(str(fresh_store), read_only=True) as st:
        yield st


@pytest.fixture
def unseen(unseen_store):
    from kg.store import GraphStore
    with GraphStore(str(unseen_store), read_only=True) as st:
        yield st


def _row_text(ans, r) -> str:
    return " ".join(str(v) for v in r.values()) + " " + ans.fact(r)


def grade(store, q: Q) -> tuple[str, str]:
    """("right" | "partly" | "wrong" | "refused", why) for one question."""
    from kg.ask import answer
    try:
        ans = answer(store, q.question)
    except QuestionError as e:
        return "refused", str(e)[:120]
    text = ans.text()
    body = text.split("\n", 1)[1] if text.startswith("Looking only at") and "\n" in text else text
    if "Nothing in the graph mentions" in text:
        return "wrong", text[:200]
    said = 0
    for frag in q.says:
        rx = re.compile(frag, re.I | re.M | re.S)
        rows = [r for r in ans.rows if rx.search(_row_text(ans, r))]
        good = [r for r in rows if r.get("evidence") and re.search(q.where, r.get("meeting_label", ""))]
        if good:
            said += 1
        elif not rows and rx.search(body) and ans.rows and all(
                r.get("evidence") and re.search(q.where, r.get("meeting_label", "")) for r in ans.rows):
            said += 1  # said in the answer's summary line (a count, a yes or no) over the right rows
    if said == len(q.says):
        return "right", ""
    return ("partly" if said else "wrong"), text[:300]


def as_param(q: Q, misses: dict[str, str], *, strict: bool = False):
    """A question of a table as a test case, marked as a known failure where `misses` names it
    (strict: a fixed failure then fails the table, so it must be acknowledged)."""
    marks = [pytest.mark.xfail(reason=misses[q.question], strict=strict)] if q.question in misses else []
    return pytest.param(q, id=f"{q.kind}:{q.question}", marks=marks)


@pytest.mark.parametrize("q", [as_param(q, EXTRACTION_MISSES) for q in QUESTIONS])
def test_question_is_answered_right(corpus, q):
    verdict, why = grade(corpus, q)
    assert verdict == "right", f"{verdict}: {why}"


@pytest.mark.parametrize("q", [as_param(q, UNSEEN_MISSES) for q in UNSEEN_QUESTIONS])
def test_question_on_other_minutes_is_answered_right(unseen, q):
    verdict, why = grade(unseen, q)
    assert verdict == "right", f"{verdict}: {why}"


def test_each_kind_covers_three_bodies():
    bodies: dict[str, set[str]] = {}
    for q in QUESTIONS:
        bodies.setdefault(q.kind, set()).update(q.where.split("|") if "|" in q.where and "(" not in q.where
                                                 else [q.where])
    thin = {k: v for k, v in bodies.items() if len(v) < 3 and k not in ("inspection",)}
    assert not thin, thin


def test_there_are_enough_questions():
    assert len(QUESTIONS) >= 80


@pytest.mark.parametrize("q", [as_param(q, FRESH_MISSES) for q in FRESH_QUESTIONS])
def test_question_on_fresh_minutes_is_answered_right(fresh, q):
    verdict, why = grade(fresh, q)
    assert verdict == "right", f"{verdict}: {why}"
