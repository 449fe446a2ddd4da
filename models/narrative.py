"""Find the figures a narrative states, for comparing them with the tables.

Published narratives say things like "共收到政府信息公开申请19件", "予以公开966件，
占66.48%", "结转下年度继续办理3件", "被申请行政复议5件、行政诉讼4件", "受理未经复议
直接起诉7起，其中结果维持7起，…", "均获维持", "未发生行政复议和行政诉讼",
"制发行政规范性文件3件", "作出行政许可决定696件", "行政事业性收费227.35万元".
This module finds such statements and where they are; ``models.rules_text``
decides whether any reasonable reading of the tables fits them.  It also finds
sentences that speak of another year as the report's own (text copied from last
year).

A claim is taken only where its subject is certain within its clause (a clause
ends at a full stop, semicolon or line break): a change ("同比增加2件"), an
approximation ("90000余条"), last year's figure ("2020年受理12件" in the 2021
report) or a number of something else ("网站发布信息754条") is no claim.  Missing
a figure costs less than a false alarm.

Subjects (what ``Claim.subject`` names):

- 表三: ``applications`` (收到/受理 N件: 新收, or 新收 + 上年结转), ``results``
  (办结/答复 N件), ``carried`` (上年结转), ``carry_forward`` (结转下年度),
  ``t3.<row>`` for an outcome row or group (``t3.open``, ``t3.refuse``,
  ``t3.refuse_4``, ``t3.open_partial`` for "予以公开或部分公开"), and
  ``share.<row>`` for "占x%" after one (number: the percentage; ``parts``: the
  count stated and the totals the text states);
- 表四: ``review``, ``litigation``, ``direct``, ``after``, ``review_litigation``
  ("行政复议、行政诉讼案件为0件"), ``<group>.<outcome>`` (``direct.upheld``), and
  ``<group>.not_upheld`` with number 0 for "均获维持" (nothing corrected or
  pending);
- 表二: ``docs.<issued|repealed|in_force>.<rules|normative>``,
  ``decisions.<licensing|penalty|coercion|other_services>``, ``fee`` (万元,
  a Decimal), ``procurement.items``;
- ``parts``: "N项，其中A a项、B b项、其它 c项", a list that claims to add up to its
  total (number: the total; ``parts``: the figures listed), where the total is
  one of the claims above.

Left alone on purpose: rates ("公开率100%", "答复率", "办结率"), whose meaning
varies (real reports give a 公开率 of proactive disclosure and a 回复率 of the
12345 hotline, and 答复率 counts the requests that fell due, which the tables do
not); a figure without its counter ("部分公开67,"); a list without "其他…" at its
end (it may name some kinds only).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from models.cn_numbers import (
    CN_NUMERAL_CHARS,
    COUNT,
    DECIMAL,
    is_cn_numeral,
    parse_count,
    parse_decimal,
)

Number = int | Decimal

_COUNTER = r"\s*(?:件|项|个|份|起|宗|次|例)"
_NUM = COUNT
# A clause ends at a full stop, semicolon or line break; claims never span two.
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")
# Between a subject and its number: a few words, never another figure or clause.
_GAP = r"[^\d。；;，,、]"

# Words that make a figure a change or a part, not the total: "同比减少2件",
# "败诉1件", "被纠错1件", "较上年增加12件".
# "分别为2件、1件" pairs figures with subjects in order, which a clause cannot
# tell apart.
_NOT_A_TOTAL = (
    "同比",
    "较",
    "增加",
    "减少",
    "增长",
    "下降",
    "上升",
    "环比",
    "败诉",
    "纠错",
    "被纠",
    "分别",
)
# Last year's figure ("上年度受理12件"), except where the subject is 上年结转.
_LAST_YEAR = re.compile(r"上年|去年|上一年|前年")
# An approximate figure: "近50件", "约50件", "超过50件", "50件以上".
_APPROX_BEFORE = ("近", "约", "超过", "逾", "多达", "不足", "不到")
# "数十件", "几十件", "上百件": no figure at all.
_ROUGHLY = ("数", "几", "上")
_APPROX_AFTER = re.compile(r"\s*(?:以上|左右|之多|余|多)")
# After a count written in Chinese numerals, a clause goes on or ends: "一件一档",
# "一起纳入考核" and "一次性告知" are words, not figures.
_CN_COUNT_END = re.compile(r"\s*(?:[，,。；;、：:）)”\"’'\s]|$|其中|均|全部|已|结果|案件)")


@dataclass(frozen=True)
class Claim:
    """One figure the text states.

    ``subject``: see the module's docstring; ``start``/``end`` locate the words
    in the section's text; ``parts``: the figures a ``parts`` or ``share.*``
    claim is made of.
    """

    subject: str
    number: Number
    start: int
    end: int
    words: str
    parts: tuple[Number, ...] = ()


def _clauses(text: str) -> Iterator[tuple[int, str]]:
    """Each clause of the text, with the offset where it starts."""
    start = 0
    for m in _CLAUSE_END.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


# Every claim has a figure with its counter or amount, or says there was none
# ("未收到", "无…行政复议") or that all were upheld: a clause without any of them
# is passed over at once (most of a narrative; the check runs as the clerk types).
_MAY_CLAIM = re.compile(
    rf"[\d{CN_NUMERAL_CHARS}]\s*(?:件|项|个|份|起|宗|次|例|条|篇|万元|元|%|％)|未|没有|无|不存在|维持"
)


def find_claims(text: str, year: int | None = None) -> list[Claim]:
    """The figures ``text`` states; given the report's ``year``, none about another year."""
    return list(_claims_in(text, year))


# Checking runs on every keystroke in a grid, while the texts rarely change:
# each text is read once.
@functools.lru_cache(maxsize=64)
def _claims_in(text: str, year: int | None) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for offset, clause in _clauses(text):
        if not _MAY_CLAIM.search(clause):
            continue
        found = _table_three(clause) + _table_four(clause) + _table_two(clause)
        years = _years_named(clause)
        clause_claims = [
            Claim(f.subject, f.number, f.start, f.end, clause[f.start : f.end])
            for f in _without_overlaps(found)
            if _stands(clause, years, f, year)
        ]
        clause_claims += _part_lists(clause, frozenset(c.end for c in clause_claims))
        claims += [_shifted(c, offset) for c in clause_claims]
    claims.sort(key=lambda c: (c.start, c.end))
    claims += _shares(text, claims)
    claims.sort(key=lambda c: (c.start, c.end))
    return tuple(claims)


def _shifted(claim: Claim, offset: int) -> Claim:
    return Claim(
        claim.subject,
        claim.number,
        claim.start + offset,
        claim.end + offset,
        claim.words,
        claim.parts,
    )


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class _Found:
    """A figure found in a clause, before the checks that make it a claim."""

    subject: str
    number: Number
    start: int
    end: int
    num_start: int  # where the figure itself starts (for the approximation check)
    num_text: str
    # Specific subjects win over general ones on the same words: "受理上年结转
    # 申请3件" is 上年结转, not 收到.
    rank: int = 1


def _count(m: re.Match[str], group: int = 1) -> int | None:
    return parse_count(m.group(group))


def _found(subject: str, m: re.Match[str], group: int = 1, rank: int = 1) -> _Found | None:
    value = _count(m, group)
    if value is None:
        return None
    return _Found(subject, value, m.start(), m.end(), m.start(group), m.group(group), rank)


def _all(subject: str, pattern: re.Pattern[str], clause: str, rank: int = 1) -> list[_Found]:
    found = (_found(subject, m, rank=rank) for m in pattern.finditer(clause))
    return [f for f in found if f is not None]


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """The figures found, where two share words the more specific (lower rank) one."""
    kept: list[tuple[int, int, _Found]] = []  # by start, never overlapping
    for f in sorted(found, key=lambda f: (f.rank, f.start)):
        i = bisect.bisect_left(kept, (f.start, f.end), key=lambda k: (k[0], k[1]))
        if i > 0 and kept[i - 1][1] > f.start:
            continue
        if i < len(kept) and kept[i][0] < f.end:
            continue
        kept.insert(i, (f.start, f.end, f))
    return [f for _s, _e, f in kept]


def _stands(clause: str, years: list[tuple[int, int]], f: _Found, year: int | None) -> bool:
    """Whether a figure found is a claim: a total of this year, exact, a figure.

    ``years``: where the clause names which year (``_years_named``).
    """
    words = clause[f.start : f.end]
    if any(w in words for w in _NOT_A_TOTAL):
        return False
    if any(clause.endswith(w, 0, f.num_start) for w in _APPROX_BEFORE):
        return False
    if _APPROX_AFTER.match(clause, f.end) and not f.subject.endswith("not_upheld"):
        return False
    if is_cn_numeral(f.num_text):
        if not _CN_COUNT_END.match(clause, f.end):
            return False
        if any(clause.endswith(w, 0, f.num_start) for w in _ROUGHLY):
            return False
    if f.subject in ("carried", "carry_forward"):
        # "2020年结转办理1件", "4件转结2022年办理": the year before or after.
        inside = [y for at, y in years if f.start <= at < f.end]
        step = -1 if f.subject == "carried" else 1
        return year is None or not inside or inside[-1] == year + step
    # "上年度受理12件", "较去年…": last year's figure, in the words or the part
    # of the clause just before them.
    part_start = max(clause.rfind(s, max(0, f.start - 40), f.start) for s in "，,、") + 1
    if _LAST_YEAR.search(clause, max(part_start, f.start - 40), f.end):
        return False
    if year is not None:
        i = bisect.bisect_left(years, (f.start, 0))
        if i > 0 and years[i - 1][1] != year:
            return False
    return True


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!\d)")
_BOOK_TITLE = re.compile(r"《[^》]*》")


def _years_named(clause: str) -> list[tuple[int, int]]:
    """Where the clause names a year, and which, outside a document's title
    (《2020年政务公开工作要点》 says nothing of the figures)."""
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(clause)]
    years = []
    for m in _YEAR.finditer(clause):
        i = bisect.bisect_right(titles, (m.start(), len(clause)))
        if i > 0 and titles[i - 1][1] > m.start():
            continue
        years.append((m.start(), int(m.group(1))))
    return years


# ---------------------------------------------------------------- 表三

_APPLICATIONS = re.compile(
    r"(?:收到|受理|(?<!不予)(?<!其他)办理|(?<!不予)(?<!其他)处理|接收|接到)[^。；;，,、\d]{0,15}?"
    r"(?:政府信息公开申请|信息公开申请|依申请公开)[^\d。；;，,]{0,10}?" + _NUM + _COUNTER
)
# "未收到政府信息公开申请", "没有接到群众主动要求公开政府信息的申请": none.
_NO_APPLICATIONS = re.compile(
    r"(?:未|没有|无)(?:收到|接到|受理|接收|发生|产生)[^。；;，,\d]{0,15}?"
    r"(?:政府信息公开申请|信息公开申请|依申请公开|公开申请|公开政府信息的?申请)"
)
# 办结/答复 count the results only where the clause is about applications (not
# "办结人大代表建议12件" or "12345热线47件，已全部办结").
_RESULTS = re.compile(r"(?:办结|答复|办复|处理完毕)" + _GAP + r"{0,8}?" + _NUM + _COUNTER)
_RESULTS_CONTEXT = re.compile(r"信息公开申请|依申请公开|公开申请|申请公开|信息公开的申请")
_OTHER_BUSINESS = re.compile(r"建议|提案|热线|留言|咨询|来信|信访|投诉|诉求|工单")
_CARRIED = re.compile(
    r"(?:上年度?|上一年度?|(?:19|20)\d\d\s*年度?)(?:结转|转结)"
    + _GAP
    + r"{0,12}?"
    + _NUM
    + _COUNTER
)
_NEXT_YEAR = r"(?:下一?年度?|次年|(?:19|20)\d\d\s*年度?)"
_CARRY_FORWARD = (
    re.compile(
        r"(?:结转|转结|转入|顺延)(?:至|到)?" + _NEXT_YEAR + _GAP + r"{0,8}?" + _NUM + _COUNTER
    ),
    re.compile(
        _NUM + _COUNTER + r"(?:申请)?(?:需|将)?(?:结转|转结|转入|顺延)(?:至|到)?" + _NEXT_YEAR
    ),
)
# After an outcome's name: quotes, "的", "答复", "情形" — never other words, so
# "予以公开或部分公开59件" is not 予以公开 59.
_OUTCOME_FILL = r"[”\"’'」]?\s*(?:的|类|答复|情形|决定)*[”\"’'」]?\s*(?:共|共计|为|有)?\s*"
_T3_OUTCOMES = (
    ("t3.open_partial", r"(?:予以|同意)?公开(?:或|和|及|、|与)(?:同意)?部分公开"),
    ("t3.open", r"(?<![或和及、与])(?:予以公开|同意公开|全部公开)"),
    ("t3.partial", r"(?<![或和及、与公开])(?:同意)?部分公开"),
    ("t3.refuse", r"不予公开"),
    ("t3.unable", r"无法提供"),
    ("t3.reject", r"不予处理"),
    ("t3.other", r"其他处理"),
)
# The reasons under 不予公开, 无法提供, 不予处理 and 其他处理 (2021), by their own words.
_T3_REASONS = (
    ("t3.refuse_1", r"国家秘密"),
    ("t3.refuse_2", r"其他法律行政法规禁止公开"),
    ("t3.refuse_3", r"三安全一稳定[”\"]?"),
    ("t3.refuse_4", r"第三方合法权益"),
    ("t3.refuse_5", r"三类内部事务信息"),
    ("t3.refuse_6", r"四类过程性信息"),
    ("t3.refuse_7", r"行政执法案卷"),
    ("t3.refuse_8", r"行政查询事项"),
    ("t3.unable_1", r"(?:本机关)?不掌握相关政府信息"),
    ("t3.unable_2", r"没有现成信息需要另行制作"),
    ("t3.unable_3", r"补正后申请内容仍不明确"),
    ("t3.reject_1", r"信访举报投诉类申请"),
    ("t3.reject_2", r"(?<!反复)重复申请"),
    ("t3.reject_3", r"要求提供公开出版物"),
    ("t3.reject_4", r"无正当理由大量反复申请"),
    ("t3.reject_5", r"要求行政机关确认或重新出具已获取信息"),
    ("t3.other_1", r"逾期不补正"),
    ("t3.other_2", r"逾期未按收费通知要求缴纳费用"),
)
# One pattern for them all (read once a clause): the alternative that matched
# names the subject; the figure is the last group.
_T3_SUBJECTS = tuple(subject for subject, _words in _T3_OUTCOMES + _T3_REASONS)
_T3_OUTCOME = re.compile(
    "(?:"
    + "|".join(f"(?P<g{i}>{words})" for i, (_s, words) in enumerate(_T3_OUTCOMES + _T3_REASONS))
    + ")"
    + _OUTCOME_FILL
    + _NUM
    + _COUNTER
)
_SHARE = re.compile(
    r"\s*[，,、]?\s*(?:约)?占(?:比|总数|全部|总量|申请总数|办理总数|答复总数)?(?:的)?(?:为)?\s*"
    + DECIMAL
    + r"\s*[%％]"
)


# "受理法人或其他组织申请3件", "网上申请9件": a part of the requests, by applicant
# or by channel, not their number.
_SUBSET = re.compile(
    r"法人|组织|企业|单位|机构|自然人|个人|当面|网上|网络|信函|邮寄|传真|涉及|关于|有关"
)


def _table_three(clause: str) -> list[_Found]:
    found = [
        f
        for f in _all("applications", _APPLICATIONS, clause)
        if not _SUBSET.search(clause[f.start : f.num_start])
    ]
    for m in _NO_APPLICATIONS.finditer(clause):
        # "未收到因政府信息公开申请引起的行政复议": about reviews, not requests.
        rest = re.split(r"[，,]", clause[m.end() :])[0]
        if not re.search(r"复议|诉讼|收费|费用", rest) and not _SUBSET.search(m.group(0)):
            found.append(_Found("applications", 0, m.start(), m.end(), m.end(), "0"))
    if _RESULTS_CONTEXT.search(clause):
        for m in _RESULTS.finditer(clause):
            if not _OTHER_BUSINESS.search(clause[: m.end()]):
                found += [f for f in [_found("results", m)] if f is not None]
    found += _all("carried", _CARRIED, clause, rank=0)
    for pattern in _CARRY_FORWARD:
        found += _all("carry_forward", pattern, clause, rank=0)
    for m in _T3_OUTCOME.finditer(clause):
        subject = next(s for i, s in enumerate(_T3_SUBJECTS) if m.group(f"g{i}") is not None)
        found += [f for f in [_found(subject, m, group=len(_T3_SUBJECTS) + 1, rank=0)] if f]
    return found


def _shares(text: str, claims: list[Claim]) -> list[Claim]:
    """ "予以公开966件，占66.48%": the share a 表三 outcome claims, with what the
    text states it is a share of."""
    totals = tuple(c.number for c in claims if c.subject in ("applications", "results"))
    shares = []
    for claim in claims:
        if not claim.subject.startswith("t3."):
            continue
        m = _SHARE.match(text, claim.end)
        if m is None:
            continue
        percent = parse_decimal(m.group(1))
        if percent is None:
            continue
        shares.append(
            Claim(
                "share." + claim.subject[3:],
                percent,
                claim.start,
                m.end(),
                text[claim.start : m.end()],
                (claim.number, *totals),
            )
        )
    return shares


# ---------------------------------------------------------------- 表四

_REVIEW = re.compile(r"行政复议" + _GAP + r"{0,6}?" + _NUM + _COUNTER)
_LITIGATION = re.compile(r"行政诉讼" + _GAP + r"{0,6}?" + _NUM + _COUNTER)
_DIRECT = re.compile(
    r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)" + _GAP + r"{0,6}?" + _NUM + _COUNTER
)
_AFTER = re.compile(
    r"(?:行政)?复议后(?:提起)?(?:行政)?(?:起诉|诉讼)" + _GAP + r"{0,6}?" + _NUM + _COUNTER
)
_JOINT = re.compile(
    r"行政复议(?:案件?)?\s*(?:、|和|及|与|或|以及)\s*(?:提起)?行政诉讼"
    + _GAP
    + r"{0,8}?"
    + _NUM
    + _COUNTER
)
# Where a group is named: the outcomes and "均获维持" after it are its own.
_GROUP_NAME = re.compile(
    r"(?P<after>(?:行政)?复议后(?:提起)?(?:行政)?(?:起诉|诉讼))"
    r"|(?P<direct>(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼))"
    r"|(?P<joint>行政复议(?:案件?)?\s*(?:、|和|及|与|或|以及)\s*(?:提起)?行政诉讼)"
    r"|(?P<review>行政复议)"
    r"|(?P<litigation>行政诉讼)"
)
_T4_OUTCOME_WORDS = (
    ("upheld", r"结果维持|维持(?:原(?:具体)?行政行为|原(?:处理)?决定|原答复)?"),
    ("corrected", r"结果纠正|(?:被)?纠正"),
    ("other", r"其他结果"),
    ("pending", r"尚未审结|未审结|尚在审理(?:中)?|正在审理(?:中)?|审理中"),
)
_T4_OUTCOME = re.compile(
    "(?:"
    + "|".join(f"(?P<{key}>{words})" for key, words in _T4_OUTCOME_WORDS)
    + r")\s*"
    + _NUM
    + r"\s*(?:件|起|个|宗|例)?"
)
_ALL_UPHELD = re.compile(
    r"(?:均|全部|都)(?:已)?(?:获|被|予以|得到|为)?(?:依法)?维持(?!在|稳定|较|了)"
)
_NEGATION = re.compile(r"(?:未|没有|无|不存在)(?![经需法论])")
# What a negation says was not there: the cases, not "被纠错的行政复议".
_NOT_THE_CASES = re.compile(r"纠|败诉|撤销|违法|维持|结果")


def _table_four(clause: str) -> list[_Found]:
    # "行政复议、行政诉讼各1件": each, not both together.
    found = [
        f
        for f in _all("review_litigation", _JOINT, clause, rank=0)
        if "各" not in clause[f.start : f.end]
    ]
    found += _all("after", _AFTER, clause, rank=0)
    found += _all("direct", _DIRECT, clause, rank=0)
    found += _all("review", _REVIEW, clause)
    found += _all("litigation", _LITIGATION, clause)
    groups = [(m.start(), m.end(), m.lastgroup or "") for m in _GROUP_NAME.finditer(clause)]
    if not groups:
        return found
    found += _outcomes(clause, groups)
    found += _none_of(clause, groups)
    return found


def _group_before(groups: list[tuple[int, int, str]], position: int) -> str | None:
    """The group named last before ``position`` (names do not overlap: ends ascend)."""
    i = bisect.bisect_right(groups, position, key=lambda g: g[1])
    return groups[i - 1][2] if i else None


def _outcomes(clause: str, groups: list[tuple[int, int, str]]) -> list[_Found]:
    """Outcomes ("结果维持7起") and "均获维持", each of the group named last before it."""
    found = []
    for m in _T4_OUTCOME.finditer(clause):
        group = _group_before(groups, m.start())
        if group is None or group == "joint":
            continue
        outcome = next(key for key, _words in _T4_OUTCOME_WORDS if m.group(key) is not None)
        f = _found(f"{group}.{outcome}", m, group=len(_T4_OUTCOME_WORDS) + 1, rank=0)
        if f is not None:
            found.append(f)
    for m in _ALL_UPHELD.finditer(clause):
        group = _group_before(groups, m.start())
        for g in ("review", "litigation") if group == "joint" else (group,):
            if g is not None:
                found.append(_Found(f"{g}.not_upheld", 0, m.start(), m.end(), m.end(), "0", 0))
    return found


def _none_of(clause: str, groups: list[tuple[int, int, str]]) -> list[_Found]:
    """ "未发生因政府信息公开引起的行政复议和行政诉讼": no reviews, no lawsuits."""
    found = []
    starts = [g[0] for g in groups]
    for neg in _NEGATION.finditer(clause):
        first = bisect.bisect_left(starts, neg.end())
        # The cases are named within a few words of the negation …
        if first == len(groups) or groups[first][0] - neg.end() > 25:
            continue
        # … in the same part of the clause.
        stop = _part_end(clause, neg.end())
        # (Names do not overlap, so those ending by ``stop`` come first.)
        named = [g for g in groups[first : first + 3] if g[1] <= stop]
        if not named or _NOT_THE_CASES.search(clause[named[-1][1] : stop]):
            continue
        between = clause[neg.end() : named[0][0]]
        if re.search(r"\d|" + _NOT_THE_CASES.pattern, between):
            continue
        kinds = set()
        for _s, _e, kind in named:
            kinds |= {"review", "litigation"} if kind == "joint" else {kind}
        if not kinds <= {"review", "litigation"} or len(named) > 2:
            continue
        end = named[-1][1]
        subject = "review_litigation" if len(kinds) == 2 else kinds.pop()
        found.append(_Found(subject, 0, neg.start(), end, end, "0", 0))
    return found


def _part_end(clause: str, position: int) -> int:
    """Where the part of the clause holding ``position`` ends (at a comma)."""
    ends = [i for i in (clause.find("，", position), clause.find(",", position)) if i >= 0]
    return min(ends, default=len(clause))


# ---------------------------------------------------------------- 表二

_DOC_KIND = r"(?P<kind>行政规范性文件|规范性文件|规章)"
_DOC_FILL = r"(?:共|共计|合计|为|有|数量为)?\s*"
_DOC_COUNTER = r"\s*(?:件|份|个|部|项)"
_DOC_VERBS = (
    ("issued", r"制发|印发|制定|出台|新制作|制作"),
    ("repealed", r"废止"),
    ("in_force", r"现行有效(?:的)?"),
)
# "制发行政规范性文件3件" and "行政规范性文件制发3件": group 1 the kind, 2 the count.
_DOCS = tuple(
    (what, pattern)
    for what, verbs in _DOC_VERBS
    for pattern in (
        re.compile(
            rf"(?:{verbs})[^\d。；;，,、《》]{{0,6}}?{_DOC_KIND}{_DOC_FILL}{_NUM}{_DOC_COUNTER}"
        ),
        re.compile(rf"{_DOC_KIND}(?:{verbs}){_DOC_FILL}{_NUM}{_DOC_COUNTER}"),
    )
)
_DECISION_KIND = r"(?P<kind>行政许可|行政处罚|行政强制|(?:其他)?对外管理服务事项)"
_DECISION_COUNTER = r"\s*(?:件|个|份|起|宗|项|次)"
# "作出行政许可决定696件", "实施行政处罚19902件", "行政处罚决定书12份".
_DECISIONS = (
    re.compile(
        r"(?:作出|做出|办理|办结|实施|审批|下达)(?:各类|各项)?"
        + _DECISION_KIND
        + r"(?:处理)?(?:决定书?|案件|事项)?(?:共|共计|合计)?\s*"
        + _NUM
        + _DECISION_COUNTER
    ),
    re.compile(
        _DECISION_KIND + r"(?:处理)?决定书?(?:共|共计|合计|为)?\s*" + _NUM + _DECISION_COUNTER
    ),
)
# "实施行政许可696件，行政处罚19902件": the verb carries over the list.
_DECISION_NEXT = re.compile(
    r"\s*[，,、]\s*"
    + _DECISION_KIND
    + r"(?:处理)?(?:决定书?|案件|事项)?\s*"
    + _NUM
    + _DECISION_COUNTER
)
_DECISION_KEYS = {
    "行政许可": "licensing",
    "行政处罚": "penalty",
    "行政强制": "coercion",
    "对外管理服务事项": "other_services",
    "其他对外管理服务事项": "other_services",
}
_FEE = re.compile(
    r"(?:收取)?行政事业性收费(?:金额|总额|收入)?(?:共计|合计|总计|共|为|是)*\s*"
    + DECIMAL
    + r"\s*(?P<unit>万元|元)"
)
_PROCUREMENT = re.compile(
    r"集中采购(?:项目)?(?:共计|合计|共|数量为?)?\s*" + _NUM + r"\s*(?:项|个|件|次)"
)


def _table_two(clause: str) -> list[_Found]:
    found: list[_Found] = []
    for what, pattern in _DOCS:
        for m in pattern.finditer(clause):
            row = "rules" if m.group("kind") == "规章" else "normative"
            found += [f for f in [_found(f"docs.{what}.{row}", m, group=2)] if f is not None]
    for pattern in _DECISIONS:
        for m in pattern.finditer(clause):
            f = _found("decisions." + _DECISION_KEYS[m.group("kind")], m, group=2)
            if f is None:
                continue
            found.append(f)
            end = m.end()
            while (nxt := _DECISION_NEXT.match(clause, end)) is not None:
                g = _found("decisions." + _DECISION_KEYS[nxt.group("kind")], nxt, group=2)
                if g is None:
                    break
                found.append(
                    _Found(g.subject, g.number, nxt.start("kind"), g.end, g.num_start, g.num_text)
                )
                end = nxt.end()
    for m in _FEE.finditer(clause):
        amount = parse_decimal(m.group(1))
        if amount is None:
            continue
        if m.group("unit") == "元":
            amount = amount.scaleb(-4)
        found.append(_Found("fee", amount, m.start(), m.end(), m.start(1), m.group(1)))
    found += _all("procurement.items", _PROCUREMENT, clause)
    return found


# ---------------------------------------------------------------- lists

_LIST_COUNTER = r"(件|项|个|份|起|宗|次|例|条|篇)"
_LIST_HEAD = re.compile(_NUM + r"\s*" + _LIST_COUNTER + r"\s*[，,]?\s*其中\s*[，,：:]?\s*")
_LIST_ITEM = re.compile(
    r"([^\d，,、；;。：:%％]{1,12}?)\s*"
    + _NUM
    + r"\s*"
    + _LIST_COUNTER
    + r"(?:\s*[，,、]?\s*(?:约)?占[^\d，,、]{0,4}\d{1,3}(?:\.\d+)?\s*[%％])?"
    + r"\s*(?:[，,、]\s*|等?\s*$)"
)
# A last item "其他…" makes the list whole, unless it is a template's own category
# (其他结果, 其他处理): those are one outcome among others.
_REST = ("其他", "其它", "其余")
_CATEGORY = ("其他结果", "其他处理", "其他对外管理服务事项", "其他法律行政法规")


def _part_lists(clause: str, totals: frozenset[int]) -> list[Claim]:
    """ "受理47项，其中，行政许可17项、行政确认12项、其它职权16项": a whole, said
    to be made of its parts.  Only a whole the tables count (a claim ending at
    ``totals``, where the clause's claims end): "发布信息977条，其中…" is not
    the report's business."""
    claims = []
    parsed = 0
    for head in _LIST_HEAD.finditer(clause):
        if head.end(2) not in totals or head.start() < parsed:
            continue
        total = parse_count(head.group(1))
        counter = head.group(2)
        position = head.end()
        labels: list[str] = []
        numbers: list[int] = []
        while position < len(clause):
            item = _LIST_ITEM.match(clause, position)
            # A list ends at another "其中": each position is read once.
            if item is None or item.group(3) != counter or "其中" in item.group(1):
                break
            number = parse_count(item.group(2))
            if number is None:
                break
            labels.append(item.group(1).strip())
            numbers.append(number)
            position = item.end()
        parsed = position
        whole = position >= len(clause.rstrip())
        if total is None or not whole or len(numbers) < 2:
            continue
        last = labels[-1].strip("“”\"'（(")
        if not last.startswith(_REST) or last.startswith(_CATEGORY):
            continue
        if any(w in label for label in labels for w in _NOT_A_TOTAL):
            continue
        start = head.start(1)
        end = len(clause.rstrip())
        claims.append(Claim("parts", total, start, end, clause[start:end], tuple(numbers)))
    return claims


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
