"""The importer and checker end to end on real published reports (tests/fixtures/real/
and the five seeds): the figures of issue 13, printed, and held to its goals.

Goals: every real mistake flagged, 0 false errors, at most one false warning a report,
0 wrong values, ≥ 98 % of cells right on complete reports, agency and year never
wrong (a copy that does not say them is asked, not guessed).  The corpus's stored
pages are cut at about 2,000 bytes, so no text report in it is complete; the seeds
are.  A missed mistake is allowed only where listed below, with why.
"""

from __future__ import annotations

import pytest

from tests.corpus import corpus
from tests.corpus_score import ReportScore, details, score, summary

# Real mistakes the program does not find yet, and why (each one a known gap).
KNOWN_MISSES = {
    # 18 applicant cells printed blank in a one-cell-a-line copy whose blank lines
    # separate every cell: a blank cell leaves no trace, so the rows are listed as
    # unreadable (never read as 0), and MISSING cannot see the blanks.
    ("t03_tuofenglu_jd_2020", "MISSING"),
}


@pytest.fixture(scope="module")
def scores() -> list[ReportScore]:
    every = [score(item) for item in corpus()]
    print("\n" + "\n".join(details(every)) + "\n" + "\n".join(summary(every)))
    return every


def test_the_corpus_is_there(scores: list[ReportScore]) -> None:
    assert len(scores) >= 20
    assert {s.format for s in scores} >= {"text-pipe", "text-lines", "text-flat", "seed-tab"}


def test_every_real_mistake_is_flagged(scores: list[ReportScore]) -> None:
    missed = {(s.name, rule) for s in scores for rule in s.missed}
    assert missed <= KNOWN_MISSES, missed - KNOWN_MISSES
    assert sum(len(s.found) for s in scores) >= 27


def test_no_false_errors_and_at_most_one_false_warning_a_report(
    scores: list[ReportScore],
) -> None:
    assert [e for s in scores for e in s.false_errors] == []
    assert [s.name for s in scores if len(s.false_warnings) > 1] == []


def test_no_wrong_value_and_complete_reports_read_in_full(scores: list[ReportScore]) -> None:
    assert [w for s in scores for w in s.wrong] == []
    complete = [s for s in scores if s.complete]
    right = sum(s.right for s in complete)
    readable = sum(s.readable for s in complete)
    # Seed 002 lost one column of every 表三 row: 8 cells stay open (two readings).
    assert right / readable >= 0.98, f"{right}/{readable}"
    assert sum(s.right for s in scores) / sum(s.readable for s in scores) >= 0.85


def test_agency_and_year_are_right_or_asked_never_wrong(scores: list[ReportScore]) -> None:
    for s in scores:
        assert s.agency_right or "agency" in s.asked, s.name
        assert s.year_right or "year" in s.asked, s.name
    assert sum(s.agency_right for s in scores) / len(scores) >= 0.85
