"""The meeting's date from the file's name, where the minutes give none that can be read.

Found in a community council's site copy of its minutes, which starts at "Present:" with no
heading ("...-2024-10-28.txt"), and a patient group's minutes dated "10thth September 2021" (a
typo) in a file named "...-2021-09-10.docx".  A date the text gives always wins over the name.
Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


@pytest.mark.parametrize("path, text, date", [
    ("minutes/ashcombe-cc-2024-10-28.txt",
     "Present:  Cllr Marsh, Cllrs Pellow & Quint & the Clerk.\n\n3786.\tPolice Report:  Attached.\n\n"
     "3787.\tApologies for absence:  Cllr Vane.\n\n3788.\tCorrespondence:  None.\n", "2024-10-28"),
    ("C:\\minutes\\patient-group-2021-09-10.docx",
     "Patient Group meeting, 10thth September 2021\n\nPresent: Jo Deane, Pat Tennant\n\n1. Welcome\n", "2021-09-10"),
    # the minutes' own date, not the file's
    ("minutes/ashcombe-cc-2025-10-08.txt",
     "Minutes of the meeting of Ashcombe Community Council held on 8th October 2026\n\nPresent: Ann Cole.\n",
     "2026-10-08"),
    ("minutes/ashcombe-cc.txt", "Present:  Cllr Marsh & the Clerk.\n\n1. Police Report: None.\n", None),
])
def test_date_from_file_name_as_last_resort(path, text, date):
    assert extract(segment(Document(path, text, "txt", "0"))).meeting.date == date
