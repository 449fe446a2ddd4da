"""The review rules (DEADLINE, FEE-SUM, FEE-NOTICE, DUP-TEXT, YOY-SPIKE, UNIT-SLIP,
TOPICS) on real reports: each fires on a real case and stays quiet on real clean ones.

Real cases: the five seeds as transcribed and as imported from their published text,
and the corpus of tests/fixtures/real (its hand-checked tables, with the narrative
its source imports to).  Where a real report has no case of a rule (no seed has a
late date or a 元/万元 slip), the case is the real report with that one mistake made.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.editions import EDITION_2019, EDITION_2021, T2_FEE, CellRef, get_edition
from models.fee_items import fee_statement
from models.importer import ImporterError, import_file
from models.issues import RULES, Issue
from models.report import SECTION_KEYS, Report, new_report
from models.rules_history import duplicate_text_issues, spike_issues
from models.rules_review import (
    COUNTY,
    DEPARTMENT,
    GOVERNMENT,
    PROCUREMENT_AMOUNT,
    agency_kind,
    deadline_issues,
    fee_notice_issues,
    fee_sum_issues,
    missing_topics,
    topics_issues,
    unit_slip_issues,
)
from models.text_overlap import overlap, sentences
from models.totals import compute_totals
from models.validation import check
from tests.conftest import SEED_IDS, fuzz_examples, load_seed, published_path
from tests.corpus import CorpusReport, corpus

NEW_RULES = ("DEADLINE", "FEE-SUM", "FEE-NOTICE", "DUP-TEXT", "YOY-SPIKE", "UNIT-SLIP", "TOPICS")


def review(report: Report, previous: Report | None = None) -> list[Issue]:
    """The new rules' issues, as ``check`` (and so the window) reports them."""
    return [i for i in check(report, previous) if i.code in NEW_RULES]


def codes(report: Report, previous: Report | None = None) -> list[str]:
    return [i.code for i in review(report, previous)]


def t3(row: str, col: str = "total") -> CellRef:
    return CellRef("t3", row, col)


def t2(row: str, col: str) -> CellRef:
    return CellRef("t2", row, col)


# ---------------------------------------------------------------- the seeds

# What the new rules find in each seed: only 002's fees (spec, "What the seeds get wrong").
EXPECTED = {"000": [], "001": [], "002": ["FEE-SUM"], "003": [], "004": []}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_as_transcribed_gets_only_its_real_mistakes(seed: str) -> None:
    assert codes(load_seed(seed)) == EXPECTED[seed]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_as_imported_from_its_published_text_gets_only_its_real_mistakes(seed: str) -> None:
    assert codes(import_file(published_path(seed)).report) == EXPECTED[seed]


def test_every_new_rule_is_explained_in_the_clerks_words() -> None:
    for code in NEW_RULES:
        assert re.search(r"[\u4e00-\u9fff]", RULES[code]), code


# ---------------------------------------------------------------- the corpus


def _corpus_report(item: CorpusReport) -> Report:
    """The hand-typed tables, with the narrative the source imports to (if it does)."""
    try:
        imported = import_file(item.source).report
    except ImporterError:
        imported = None  # a format the importer cannot read yet: tables only
    return item.truth_report(imported)


CORPUS = corpus()


def test_the_corpus_is_there() -> None:
    # The corpus test below must not pass by having nothing to read.
    assert len(CORPUS) >= 10


@pytest.mark.parametrize("item", CORPUS, ids=[c.name for c in CORPUS])
def test_corpus_report_gets_exactly_its_listed_mistakes(item: CorpusReport) -> None:
    report = _corpus_report(item)
    listed = {m["rule"] for m in item.meta["mistakes"]} & set(NEW_RULES)
    assert set(codes(report)) == listed, [i.message for i in review(report)]


# What the hand check of each corpus report found missing from section 一 (meta.json notes).
CORPUS_TOPICS = {
    "t09_jiarongli_jie_2021": ["平台建设", "监督保障"],
    "t10_muzhai_jd_2021": ["依申请公开", "政府信息管理", "监督保障"],
    "t11_erlang_jd_2022": ["平台建设", "监督保障"],
    "t12_sjz_jyj_2021": ["政府信息管理", "监督保障"],
    "t13_longgang_bm_2024": ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"],
    "t17_nilke_zhen_2023": ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"],
}


@pytest.mark.parametrize("name", sorted(CORPUS_TOPICS))
def test_corpus_topics_name_what_the_hand_check_found_missing(name: str) -> None:
    (item,) = [c for c in CORPUS if c.name == name]
    assert missing_topics(_corpus_report(item).sections["overview"]) == CORPUS_TOPICS[name]


# ---------------------------------------------------------------- DEADLINE


def test_deadline_late_and_premature_dates() -> None:
    report = load_seed("000")  # a 2020 report dated 2021-01-20: on time
    assert deadline_issues(report) == []
    for day in (dt.date(2021, 1, 1), dt.date(2021, 1, 31)):
        report.issue_date = day
        assert deadline_issues(report) == []
    report.issue_date = dt.date(2021, 2, 1)
    (late,) = review(report)
    assert late.code == "DEADLINE" and late.field == "issue_date"
    assert late.message.startswith("成文日期为2021年2月1日，晚于条例第四十九条规定的2021年1月31日")
    report.issue_date = dt.date(2020, 12, 31)
    (early,) = review(report)
    assert "早于2020年度结束" in early.message


def test_no_date_is_missing_not_deadline() -> None:
    report = load_seed("002")
    assert report.issue_date is None
    assert deadline_issues(report) == []
    assert any(i.code == "MISSING" and i.field == "issue_date" for i in check(report))


# ---------------------------------------------------------------- FEE-SUM


def test_fee_sum_on_seed_002() -> None:
    for report in (load_seed("002"), import_file(published_path("002")).report):
        (issue,) = [i for i in review(report) if i.code == "FEE-SUM"]
        assert issue.message == (
            "第六部分列出的9项收费合计170.3466万元（1703466元），而表二行政事业性收费"
            "“本年收费金额”为227.3466万元，相差57万元，请核对"
        )
        assert issue.cells == (T2_FEE,) and issue.field == "sections.other"
        assert issue.span is not None
        words = report.sections["other"][issue.span[0] : issue.span[1]]
        assert words.startswith("驾驶许可证考试费63690元") and words.endswith("15500元")


def test_fee_sum_quiet_when_the_items_add_up() -> None:
    report = load_seed("002")
    for fee, fires in (("170.3466", False), ("170", False), ("171", True), ("227.3466", True)):
        # 170 万元 is the items' sum printed without decimals: rounding, not a mistake.
        report.set(T2_FEE, Decimal(fee))
        assert ("FEE-SUM" in codes(report)) is fires, fee


def _fee_report(other: str, fee: str) -> Report:
    report = new_report("某市公安局", 2022)
    report.sections["other"] = other
    report.set(T2_FEE, Decimal(fee))
    return report


@pytest.mark.parametrize(
    ("other", "fee"),
    [
        # The 信息处理费 is not 表二's 行政事业性收费 (spec; 淮安市人民政府's 2024 report
        # states 3940 元 of it against 96171.6 万元).
        ("本机关收取信息处理费0元。", "227.3466"),
        ("本年度共收取信息处理费3940元。", "96171.6"),
        ("依据《政府信息公开信息处理费管理办法》，本年度共收取费用0元。", "227.3466"),
        ("本年度未收取信息处理费，收取行政事业性收费227.3466万元。", "227.3466"),
        (
            "收取行政事业性收费，共计227万元，其中驾驶证工本费23.651万元、号牌工本费116.733万元。",
            "227",
        ),
        # One item is an example, not a list; rates and round figures are not amounts collected.
        ("驾驶证工本费236510元。", "227.3466"),
        ("驾驶证工本费收费标准为10元，按100元/件收取复印费。", "227.3466"),
        ("约收取工本费5万元；共收取各类费用200余万元。", "227.3466"),
        ("政务公开工作经费5万元，采购设备支出12万元，罚没收入30万元。", "227.3466"),
        ("无。", "227.3466"),
    ],
)
def test_fee_sum_quiet_on_what_is_not_an_itemised_fee(other: str, fee: str) -> None:
    assert fee_sum_issues(_fee_report(other, fee)) == []


def test_fee_sum_compares_a_stated_total() -> None:
    report = _fee_report("本年度共收取行政事业性收费227.3466万元。", "200")
    (issue,) = fee_sum_issues(report)
    assert issue.message.startswith("第六部分写明的收费金额为227.3466万元，")
    assert "相差27.3466万元" in issue.message


def test_fee_sum_only_in_the_2021_edition() -> None:
    # 2019's 表二 counts fee items and states no amount: seed 004's 六 names 21672.16万元
    # of procurement, nothing to compare.
    assert fee_sum_issues(load_seed("004")) == []
    report = load_seed("002")
    report.cells.pop(T2_FEE)
    assert fee_sum_issues(report) == []  # blank: MISSING's finding


def test_fee_statement_reads_full_width_digits_and_separators() -> None:
    statement = fee_statement("１、考试费６３,６９０元；2、工本费1,000.50元。")
    assert [i.yuan for i in statement.items] == [Decimal(63690), Decimal("1000.50")]


# ---------------------------------------------------------------- FEE-NOTICE


# A 六 as 2021-edition reports often write it, of other things than fees.
OTHER_MATTERS = (
    "2021年，我局认真落实年度政务公开工作要点，办理人大代表建议3件、政协提案2件，均已公开办理结果。"
)


def test_fee_notice_when_notices_were_sent_and_six_is_silent() -> None:
    report = load_seed("002")
    report.sections["other"] = OTHER_MATTERS
    report.set(t3("other_2", "natural"), 2)
    report.set(t3("other_2", "total"), 2)
    (issue,) = [i for i in review(report) if i.code == "FEE-NOTICE"]
    assert "有2件" in issue.message and "信息处理费" in issue.message
    assert set(issue.cells) == {t3("other_2", "natural"), t3("other_2", "total")}
    assert issue.field == "sections.other"
    report.sections["other"] += "本机关未收取信息处理费。"
    assert fee_notice_issues(report, compute_totals(report)) == []


def test_fee_notice_reads_the_computed_total() -> None:
    report = load_seed("002")
    report.sections["other"] = OTHER_MATTERS
    report.set(t3("other_2", "legal"), 1)
    report.set(t3("other_2", "total"), None)  # left to the program
    (issue,) = fee_notice_issues(report, compute_totals(report))
    assert t3("other_2", "total") in issue.cells


def test_fee_notice_only_when_notices_were_sent() -> None:
    report = load_seed("002")
    report.sections["other"] = OTHER_MATTERS
    assert report.cells[t3("other_2", "natural")] == 0
    assert fee_notice_issues(report, compute_totals(report)) == []
    assert fee_notice_issues(load_seed("004"), compute_totals(load_seed("004"))) == []  # 2019


# ---------------------------------------------------------------- UNIT-SLIP


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("郑州市公安局惠济分局", COUNTY),
        ("济宁市公安局高新区分局", COUNTY),
        ("东西湖区公安分局", COUNTY),
        ("故城县教育局", COUNTY),
        ("驼峰路街道办事处", COUNTY),
        ("卫辉市公安局", DEPARTMENT),  # a 县级市: cannot be told from a city by name
        ("洛阳市公安局", DEPARTMENT),
        ("石家庄市教育局", DEPARTMENT),
        ("镇江市公安局", DEPARTMENT),
        ("南京市住房和城乡建设局", DEPARTMENT),
        ("广西壮族自治区公安厅", DEPARTMENT),
        ("淮安市人民政府", GOVERNMENT),
        ("阿克苏地区行政公署", GOVERNMENT),
    ],
)
def test_agency_kind_from_real_names(agency: str, kind: str) -> None:
    assert agency_kind(agency) == kind


def test_unit_slip_on_a_fee_typed_in_yuan() -> None:
    report = load_seed("002")
    report.set(T2_FEE, Decimal(2273466))  # 227.3466 万元 typed as 元
    (issue,) = [i for i in review(report) if i.code == "UNIT-SLIP"]
    assert issue.cells == (T2_FEE,)
    assert "2273466万元（约227.3亿元）" in issue.message
    assert issue.message.endswith("若以元计，应为227.3466万元")


@pytest.mark.parametrize(
    ("seed", "typed"),
    [("004", "216721600"), ("003", "206354200")],  # 21672.16 / 20635.42 万元 typed in 元
)
def test_unit_slip_on_procurement_typed_in_yuan(seed: str, typed: str) -> None:
    report = load_seed(seed)
    assert unit_slip_issues(report) == []
    report.set(PROCUREMENT_AMOUNT, Decimal(typed))
    (issue,) = unit_slip_issues(report)
    assert issue.cells == (PROCUREMENT_AMOUNT,)


def test_unit_slip_quiet_on_large_real_figures() -> None:
    # 淮安市人民政府's consolidated 2024 report: 96171.6 万元, real and no slip.
    report = new_report("淮安市人民政府", 2024)
    report.set(T2_FEE, Decimal("96171.6"))
    assert unit_slip_issues(report) == []
    # More decimals than the fen: typed in 万元, whatever its size.
    report = load_seed("002")
    report.set(T2_FEE, Decimal("2273466.123"))
    assert unit_slip_issues(report) == []
    # Amounts kept in 元 (seeds 000 and 001) are never a slip.
    for seed in ("000", "001"):
        report = load_seed(seed)
        report.set(PROCUREMENT_AMOUNT, Decimal(10**11))
        assert unit_slip_issues(report) == []


# ---------------------------------------------------------------- TOPICS

THREE_TOPICS = (
    "（一）主动公开情况\n全年通过区政府网站公开信息120条。\n"
    "（二）依申请公开情况\n全年未收到政府信息公开申请。\n"
    "（三）政府信息管理情况\n规范信息发布流程，落实保密审查。"
)


def test_topics_names_the_missing_ones() -> None:
    report = load_seed("002")
    report.sections["overview"] = THREE_TOPICS
    (issue,) = [i for i in review(report) if i.code == "TOPICS"]
    assert issue.message.startswith("一、总体情况没有写到“平台建设”“监督保障”：")
    assert issue.field == "sections.overview"
    # A sentence listing the report's parts covers no topic.
    report.sections["overview"] = (
        "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项组成。"
    )
    (issue,) = topics_issues(report)
    assert issue.message.startswith("一、总体情况五方面都没有写到：")


def test_topics_only_for_reports_of_the_2021_edition() -> None:
    for report in (new_report("某局", 2020), new_report("某局", 2020, EDITION_2021)):
        report.sections["overview"] = THREE_TOPICS
        assert topics_issues(report) == []  # the second is EDITION's finding
    report = new_report("某局", 2022)
    assert topics_issues(report) == []  # empty: MISSING's finding


# ---------------------------------------------------------------- DUP-TEXT


def _digits_changed(text: str) -> str:
    return re.sub(r"\d", lambda m: str((int(m.group(0)) + 3) % 10), text)


def _last_year(report: Report, text: str = "copied") -> Report:
    """The same agency's report a year earlier: its narrative as given."""
    last = report.copy()
    last.year -= 1
    if text == "copied":
        # What reviews deduct for: last year's words with this year's figures.
        last.preamble = _digits_changed(last.preamble)
        last.sections = {k: _digits_changed(v) for k, v in last.sections.items()}
    return last


@pytest.mark.parametrize("seed", SEED_IDS)
def test_dup_text_when_last_years_narrative_was_copied(seed: str) -> None:
    report = load_seed(seed)
    (issue,) = [i for i in review(report, _last_year(report)) if i.code == "DUP-TEXT"]
    assert issue.message.startswith(f"正文有100%与{report.year - 1}年度报告逐句相同")
    assert issue.field.startswith("sections.") and issue.span is not None
    text = report.sections[issue.field.removeprefix("sections.")]
    start, end = issue.span
    assert len(text[start:end]) >= 8


@pytest.mark.parametrize("seed", SEED_IDS)
def test_dup_text_quiet_on_another_real_narrative(seed: str) -> None:
    report = load_seed(seed)
    other = load_seed(SEED_IDS[(SEED_IDS.index(seed) + 1) % len(SEED_IDS)])
    last = _last_year(report)
    last.preamble, last.sections = other.preamble, dict(other.sections)
    assert duplicate_text_issues(report, last) == []


def test_dup_text_counts_more_than_half() -> None:
    report = load_seed("003")
    keys = [k for k in SECTION_KEYS if report.sections[k]]
    texts = (report.preamble, *(report.sections[k] for k in SECTION_KEYS))
    total = overlap(texts, texts).counted
    # Rewrite sections of last year's report until at most half is shared.
    last = _last_year(report)
    for key in sorted(keys, key=lambda k: -len(report.sections[k])):
        shared = overlap(texts, (last.preamble, *(last.sections[k] for k in SECTION_KEYS)))
        if shared.repeated * 2 <= total:
            break
        assert duplicate_text_issues(report, last)
        last.sections[key] = "另起炉灶，全部重写。" * 5
    assert duplicate_text_issues(report, last) == []


def test_sentences_ignore_figures_numbering_and_headings() -> None:
    a = "（一）主动公开\n2021年，我局主动公开信息120条；一是加强组织领导，明确分工。"
    b = "（一）主动公开\n2022年,我局主动公开信息 135 条；二是加强组织领导、明确分工。"
    assert [s.key for s in sentences(a)] == [s.key for s in sentences(b)]
    assert len(sentences(a)) == 2  # the heading is too short to count
    assert sentences(a) is sentences(a)  # read once, then cached


def test_dup_text_needs_some_text() -> None:
    report = new_report("某局", 2022)
    report.sections["other"] = "本机关未收取信息处理费。"
    assert duplicate_text_issues(report, _last_year(report)) == []


# ---------------------------------------------------------------- YOY-SPIKE


def _spikes(report: Report, previous: Report) -> list[Issue]:
    return spike_issues(report, previous, compute_totals(report), compute_totals(previous))


def test_yoy_spike_on_a_figure_with_a_digit_too_many() -> None:
    report = load_seed("002")  # 行政许可 86621
    last = _last_year(report)
    assert _spikes(report, last) == []
    last.set(t2("licensing", "decisions"), 8662)
    (issue,) = [i for i in review(report, last) if i.code == "YOY-SPIKE"]
    assert issue.message.startswith(
        "表二行政许可处理决定数量为86621，2020年度为8662，是上年的10.0倍"
    )
    assert issue.cells == (t2("licensing", "decisions"),)


def test_yoy_spike_across_the_two_editions() -> None:
    # 卫辉市公安局's 2020 report would be in the 2019 edition: the same 处理决定数量 and 新收.
    report = load_seed("002")
    last = new_report(report.agency, 2020)
    assert last.edition == EDITION_2019
    last.set(t2("licensing", "decisions"), 80000)
    last.set(t2("penalty", "decisions"), 200)  # 1120 now: 5.6 times
    last.set(t2("coercion", "decisions"), 45)
    last.set(t3("new"), 40)
    (issue,) = _spikes(report, last)
    assert issue.cells == (t2("penalty", "decisions"),)
    assert "是上年的5.6倍" in issue.message


@pytest.mark.parametrize(
    ("last", "now", "fires"),
    [
        (11, 56, True),
        (11, 55, False),
        (2, 40, False),
        (60, 11, True),
        (55, 11, False),
        (40, 8, False),
    ],
)
def test_yoy_spike_thresholds(last: int, now: int, fires: bool) -> None:
    # 新收 (表三 一 总计): more than 5 times or less than 0.2 times, both above 10.
    report = load_seed("002")
    previous = _last_year(report)
    report.set(t3("new", "natural"), now)
    report.set(t3("new"), now)
    previous.set(t3("new", "natural"), last)
    previous.set(t3("new"), last)
    found = [i for i in _spikes(report, previous) if t3("new") in i.cells]
    assert bool(found) is fires


def test_yoy_spike_compares_litigation_and_fees() -> None:
    report = load_seed("002")  # 表四: 未经复议直接起诉 16, fee 227.3466 万元
    previous = _last_year(report)
    for group in ("direct", "after"):
        for outcome in ("upheld", "corrected", "other", "pending", "total"):
            previous.cells.pop(CellRef("t4", "all", f"{group}_{outcome}"), None)
    previous.set(CellRef("t4", "all", "direct_upheld"), 3)
    previous.set(T2_FEE, Decimal("20"))
    messages = [i.message for i in _spikes(report, previous)]
    # 行政诉讼 16 against 3 (not above 10): not compared; the fee is 11.4 times.
    assert len(messages) == 1 and messages[0].startswith("表二行政事业性收费本年收费金额")


# ---------------------------------------------------------------- robustness


def _reports() -> st.SearchStrategy[Report]:
    words = st.sampled_from(
        [
            "共计", "收取", "信息处理费", "工本费", "行政事业性收费", "元", "万元", "，", "。",
            "；", "\n", "约", "余", "/件", "主动公开", "平台", "总体情况", "1、", "（一）",
            "１２", ",", ".", "5", "999999999999", "0.000001",
        ]
    )  # fmt: skip
    text = st.lists(st.one_of(words, st.text(max_size=5)), max_size=40).map("".join)
    value = st.one_of(
        st.integers(-(10**13), 10**13),
        st.decimals(min_value=-(10**13), max_value=10**13, allow_nan=False, places=6),
    )

    @st.composite
    def build(draw: st.DrawFn) -> Report:
        edition = draw(st.sampled_from([EDITION_2019, EDITION_2021]))
        report = new_report(
            draw(st.sampled_from(["", "卫辉市公安局", "淮安市人民政府", "某县某镇"])),
            draw(st.integers(0, 9999)),
            edition,
        )
        report.issue_date = draw(st.none() | st.dates())
        report.preamble = draw(text)
        report.sections = {k: draw(text) for k in SECTION_KEYS}
        cells = get_edition(edition).cells()
        for ref in draw(st.lists(st.sampled_from(cells), max_size=30)):
            report.set(ref, draw(value))
        if draw(st.booleans()) and edition == EDITION_2019:
            report.units["t2.procurement.amount"] = draw(st.sampled_from(["元", "万元"]))
        return report

    return build()


@settings(
    max_examples=fuzz_examples(100, 2000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_reports(), _reports())
def test_random_reports_never_raise(report: Report, previous: Report) -> None:
    totals, previous_totals = compute_totals(report), compute_totals(previous)
    found = [
        *deadline_issues(report),
        *fee_sum_issues(report),
        *fee_notice_issues(report, totals),
        *unit_slip_issues(report),
        *topics_issues(report),
        *duplicate_text_issues(report, previous),
        *spike_issues(report, previous, totals, previous_totals),
    ]
    for issue in found:
        assert issue.code in NEW_RULES and issue.message
        if issue.span is not None:
            assert 0 <= issue.span[0] < issue.span[1]
