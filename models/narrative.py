"""Find the figures a narrative states, for comparing them with the tables.

Published narratives say things like "共收到政府信息公开申请19件", "被提起行政复议
5 件、行政诉讼 4 件" or "受理未经复议直接起诉7起，其中结果维持7起，…".  This module
finds such statements and where they are; ``models.validation`` decides whether
any reasonable reading of the tables fits them.  It also finds sentences that
speak of another year as the report's own (text copied from last year).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.editions import T4_OUTCOMES

_COUNTER = r"\s*(?:件|项|个|份|起|宗|次)"
# A figure has at most 12 digits (as a cell does): a longer run is no claim,
# and int() of thousands of digits would raise.
_NUM = r"(?<!\d)(\d{1,12})(?!\d)"
# A clause ends at a full stop, semicolon or line break; claims never span two.
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")

_APPLICATIONS = re.compile(
    r"(?:收到|受理|办理|接收|接到)[^。；;，,、\d]{0,15}?"
    r"(?:政府信息公开申请|信息公开申请|依申请公开)[^\d。；;，,]{0,10}?" + _NUM + _COUNTER
)
_REVIEW = re.compile(r"行政复议[^\d。；;，,、]{0,6}?" + _NUM + _COUNTER)
_LITIGATION = re.compile(r"行政诉讼[^\d。；;，,、]{0,6}?" + _NUM + _COUNTER)
_GROUPS = (
    ("direct", re.compile(r"(?:未经复议)?直接起诉[^\d。；;，,、]{0,6}?" + _NUM + _COUNTER)),
    ("after", re.compile(r"复议后(?:提起)?起诉[^\d。；;，,、]{0,6}?" + _NUM + _COUNTER)),
    ("review", _REVIEW),
)
_OUTCOME_WORDS = {word: key for key, word in T4_OUTCOMES}
_OUTCOME = re.compile(r"(结果维持|结果纠正|其他结果|尚未审结)\s*" + _NUM + r"\s*(?:件|起|个|宗)?")


# Words that make a figure a change or a part, not the total: "同比减少2件",
# "败诉1件", "被纠错1件", "较上年增加12件".
_NOT_A_TOTAL = ("同比", "较", "增加", "减少", "增长", "下降", "上升", "败诉", "纠错", "被纠")


@dataclass(frozen=True)
class Claim:
    """One figure the text states.

    ``subject``: "applications", "review", "litigation", or "<group>.<outcome>"
    for a 表四 breakdown (e.g. "direct.upheld"); ``start``/``end`` locate the
    words in the section's text.
    """

    subject: str
    number: int
    start: int
    end: int
    words: str


def _clauses(text: str) -> Iterator[tuple[int, str]]:
    """Each clause of the text, with the offset where it starts."""
    start = 0
    for m in _CLAUSE_END.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


def find_claims(text: str) -> list[Claim]:
    return list(_claims_in(text))


# Checking runs on every keystroke in a grid, while the texts rarely change:
# each text is read once.
@functools.lru_cache(maxsize=32)
def _claims_in(text: str) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for offset, clause in _clauses(text):
        for subject, pattern in (
            ("applications", _APPLICATIONS),
            ("review", _REVIEW),
            ("litigation", _LITIGATION),
        ):
            claims += [
                Claim(subject, int(m.group(1)), offset + m.start(), offset + m.end(), m.group(0))
                for m in pattern.finditer(clause)
                if not any(word in m.group(0) for word in _NOT_A_TOTAL)
            ]
        claims += _breakdowns(clause, offset)
    return tuple(claims)


def _breakdowns(clause: str, offset: int) -> list[Claim]:
    """ "受理X N起，其中结果维持a起，结果纠正b起…": the outcomes of one 表四 group."""
    if "其中" not in clause:
        return []
    # The group is the one named last before "其中".
    head, _, tail = clause.partition("其中")
    group = None
    best = -1
    for key, pattern in _GROUPS:
        for m in pattern.finditer(head):
            # "复议后起诉" also contains "复议"; the longest, latest match wins.
            if m.start() > best or (m.start() == best and key != "review"):
                group, best = key, m.start()
    if group is None:
        return []
    tail_offset = offset + len(head) + len("其中")
    # The breakdown ends where the next group (or the next 其中) begins.
    end = len(tail)
    for _key, pattern in _GROUPS:
        found = pattern.search(tail)
        if found:
            end = min(end, found.start())
    tail = tail[: min(end, tail.find("其中") if "其中" in tail else end)]
    return [
        Claim(
            f"{group}.{_OUTCOME_WORDS[m.group(1)]}",
            int(m.group(2)),
            tail_offset + m.start(),
            tail_offset + m.end(),
            m.group(0),
        )
        for m in _OUTCOME.finditer(tail)
    ]


@functools.lru_cache(maxsize=32)  # run on every keystroke; texts rarely change
def stale_year_spans(text: str, year: int) -> tuple[tuple[int, int, str], ...]:
    """Sentences that open with last year's year as if it were the report's own.

    "2020年，我局…" or "2020年以来" at the start of a sentence or paragraph in the
    2021 report; also "统计期限自2020年" in the preamble.  Mentions inside a
    sentence ("与2020年相比") are left alone.
    """
    last = year - 1
    pattern = re.compile(
        # One run of spaces before the number, never two in a row: two
        # adjacent \s* backtrack quadratically on a long run of spaces.
        r"(?:^|(?<=[。；;！？!?\n]))\s*(?:[（(][一二三四五六七八九十]+[）)]\s*)?"
        rf"({last}\s*年(?:度)?(?:以来|全年|上半年)?)\s*(?=[，,、]|我|本|全|共|通过|依托|在)"
        rf"|统计期限自\s*({last})\s*年"
    )
    spans = []
    for m in pattern.finditer(text):
        group = 1 if m.group(1) else 2
        spans.append((m.start(group), m.end(group), m.group(group)))
    return tuple(spans)
