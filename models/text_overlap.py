"""How much of a narrative repeats last year's, sentence by sentence.

"Identical" is decided per sentence (split at 。！？；, line breaks): two
sentences are the same when they agree after dropping spaces and punctuation,
with every run of digits counted as one placeholder.  So a sentence copied from
last year with only its figures and year changed ("2021年，我局主动公开信息
120条" → "2022年，…135条") counts as copied, which is what provincial reviews
deduct for; a sentence reworded in any way does not.  Leading item numbers
（（一）, 1., 一是）are dropped, and sentences shorter than ``MIN_SENTENCE_CHARS``
after that (headings such as "（一）主动公开", "无") are left out: every report
of an edition shares them.

The share is by characters: of this year's counted sentence text, how much is in
sentences last year's report also has.  Each text is split once (cached), so a
keystroke in the grid costs a few dictionary look-ups, and one in a text box
re-reads that one text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MIN_SENTENCE_CHARS = 8

SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_LEAD = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十\d]{1,3}\s*[、.．]"
    r"|[一二三四五六七八九十]是)"
)
_DIGITS = re.compile(r"[0-9０-９]+")
# Everything but letters, CJK and the digit placeholder: spaces and punctuation.
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    key: str  # the normalised text compared across years

    @property
    def weight(self) -> int:
        return len(self.key)


@functools.lru_cache(maxsize=64)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The counted sentences of a text, with where each is."""
    found = []
    for m in SENTENCE.finditer(text):
        raw = m.group(0)
        if len(raw) < MIN_SENTENCE_CHARS:
            continue  # normalising only shortens it
        lead = _LEAD.match(raw)
        body = raw[lead.end() :] if lead else raw
        key = _NOT_WORD.sub("", _DIGITS.sub("0", body))
        if len(key) >= MIN_SENTENCE_CHARS:
            # The span leaves out the spaces around the sentence.
            start = m.start() + len(raw) - len(raw.lstrip())
            found.append(Sentence(start, m.start() + len(raw.rstrip()), key))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def sentence_keys(texts: tuple[str, ...]) -> frozenset[str]:
    """Every counted sentence of some texts (last year's narrative), as keys."""
    return frozenset(s.key for text in texts for s in sentences(text))


@dataclass(frozen=True)
class Overlap:
    counted: int  # characters of this year's counted sentences
    repeated: int  # of them, in sentences last year's texts have too
    # Per text (in the order given): repeated characters, first repeated sentence.
    per_text: tuple[tuple[int, Sentence | None], ...]

    @property
    def share(self) -> float:
        return self.repeated / self.counted if self.counted else 0.0


@functools.lru_cache(maxsize=8)  # a keystroke in the grid changes no text
def overlap(texts: tuple[str, ...], last_year: tuple[str, ...]) -> Overlap:
    known = sentence_keys(last_year)
    counted = repeated = 0
    per_text: list[tuple[int, Sentence | None]] = []
    for text in texts:
        same = 0
        first: Sentence | None = None
        for sentence in sentences(text):
            counted += sentence.weight
            if sentence.key in known:
                same += sentence.weight
                first = first or sentence
        repeated += same
        per_text.append((same, first))
    return Overlap(counted, repeated, tuple(per_text))
