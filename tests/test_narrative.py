"""What models.narrative reads in the seeds' published text: the figures it states
and where, and the sentences that speak of another year as the report's own."""

from __future__ import annotations

import pytest

from models.narrative import Claim, find_claims, stale_year_spans
from models.report import Report
from tests.conftest import SEED_IDS, load_seed


def _texts(report: Report) -> dict[str, str]:
    return {"preamble": report.preamble, **report.sections}


def _claims(report: Report) -> dict[str, list[tuple[str, int, str]]]:
    """Each text that states figures → (subject, number, words) in order."""
    found = {key: find_claims(text) for key, text in _texts(report).items()}
    return {key: [(c.subject, c.number, c.words) for c in cs] for key, cs in found.items() if cs}


# Every figure each seed's narrative states, as published.
EXPECTED_CLAIMS = {
    "000": {
        "overview": [
            # 表二 of the 2019 edition: 政府集中采购 采购项目数量.
            ("procurement.items", 32, "集中采购项目32项"),
            ("applications", 1, "收到政府信息公开申请1件"),
        ]
    },
    "001": {"overview": [("applications", 1, "办理依申请公开件 1 件")]},
    # "其中，行政许可17项、行政确认12项、其它职权16项" are kinds of application,
    # not totals; ending in "其它", the list claims to make up the 47 (it makes 45).
    "002": {
        "overview": [
            ("applications", 47, "受理依申请公开47项"),
            ("parts", 47, "47项，其中，行政许可17项、行政确认12项、其它职权16项"),
        ]
    },
    "003": {
        "overview": [
            ("applications", 19, "受理群众依申请公开政府信息 19 件"),
            ("review", 5, "行政复议 5 件"),
            ("litigation", 4, "行政诉讼 4 件"),
        ]
    },
    # One sentence, three 表四 groups, each with its total and outcomes.
    "004": {
        "requests": [
            ("applications", 2, "受理依申请公开政府信息 2 件"),
            ("results", 2, "办结 2 件"),
        ],
        "review": [
            ("review", 13, "行政复议13起"),
            ("review.upheld", 7, "结果维持7起"),
            ("review.corrected", 1, "结果纠正1起"),
            ("review.other", 5, "其他结果5起"),
            ("direct", 7, "未经复议直接起诉7起"),
            ("direct.upheld", 7, "结果维持7起"),
            ("direct.corrected", 0, "结果纠正0起"),
            ("direct.other", 1, "其他结果1起"),
            ("direct.pending", 1, "尚未审结1起"),
            ("after", 2, "复议后起诉2起"),
            ("after.upheld", 1, "结果维持1起"),
            ("after.corrected", 0, "结果纠正0起"),
            ("after.other", 0, "其他结果0起"),
            ("after.pending", 1, "尚未审结1起"),
        ],
        # 表二 figures of the 2019 edition, stated in 六.
        "other": [
            ("docs.issued.normative", 102, "制作规范性文件102份"),
            ("decisions.licensing", 696, "实施行政许可696件"),
            ("decisions.penalty", 19902, "行政处罚19902件"),
            ("decisions.other_services", 41055, "对外管理服务事项41055件"),
            ("procurement.items", 234, "集中采购共计234件"),
        ],
    },
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_the_figures_each_seed_states(seed: str) -> None:
    assert _claims(load_seed(seed)) == EXPECTED_CLAIMS[seed]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_each_claim_points_at_its_words(seed: str) -> None:
    for text in _texts(load_seed(seed)).values():
        claims = find_claims(text)
        for claim in claims:
            assert text[claim.start : claim.end] == claim.words
            assert str(claim.number) in claim.words.replace(" ", "")
        assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_the_outcomes_belong_to_the_group_named_before_them() -> None:
    text = load_seed("004").sections["review"]
    by_subject = {c.subject: c for c in find_claims(text)}
    # "受理未经复议直接起诉7起,其中结果维持7起…;受理复议后起诉2起,其中结果维持1起…"
    direct = text.index("直接起诉")
    after = text.index("复议后起诉")
    assert direct < by_subject["direct.upheld"].start < after
    assert by_subject["after.upheld"].start > after
    assert by_subject["review.other"].end < direct


def _overview_003() -> str:
    return load_seed("003").sections["overview"]


def test_changes_and_parts_are_not_totals() -> None:
    text = _overview_003().replace("行政复议 5 件", "行政复议同比减少 2 件")
    subjects = [c.subject for c in find_claims(text)]
    assert subjects == ["applications", "litigation"]
    text = _overview_003().replace("行政诉讼 4 件", "行政诉讼败诉 1 件")
    assert [c.subject for c in find_claims(text)] == ["applications", "review"]


def test_a_claim_never_spans_two_clauses() -> None:
    text = _overview_003().replace("行政复议 5 件", "行政复议。5 件")
    assert "review" not in {c.subject for c in find_claims(text)}


def test_a_figure_longer_than_a_cell_holds_is_no_claim() -> None:
    text = load_seed("002").sections["overview"]
    assert find_claims(text.replace("47项", "1234567890123项")) == []
    claim, _parts = find_claims(text.replace("47项", "123456789012项"))
    assert claim == Claim(
        "applications",
        123456789012,
        claim.start,
        claim.end,
        "受理依申请公开123456789012项",
    )


@pytest.mark.parametrize("seed", SEED_IDS)
def test_published_text_speaks_of_its_own_year(seed: str) -> None:
    report = load_seed(seed)
    for text in _texts(report).values():
        assert stale_year_spans(text, report.year) == ()


# Each seed's text carried into next year's report unchanged: what would be marked.
EXPECTED_STALE = {
    "000": {
        "preamble": ["2020"],  # "统计期限自 2020 年 1 月 1 日起"
        "overview": ["2020年以来", "2020年", "2020年以来"],
        "problems": ["2020年"],
    },
    "001": {"overview": ["2020 年"]},
    "002": {"overview": ["2021年", "2021年"], "problems": ["2021年"]},
    "003": {"overview": ["2020 年", "2020 年", "2020 年"]},
    "004": {
        "overview": ["2019 年以来", "2019 年"],
        "proactive": ["2019 年"],
        "review": ["2019年"],
        "other": ["2019年", "2019年"],
    },
}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_last_years_text_is_marked_where_a_sentence_opens_with_that_year(seed: str) -> None:
    report = load_seed(seed)
    found = {}
    for key, text in _texts(report).items():
        spans = stale_year_spans(text, report.year + 1)
        for start, end, words in spans:
            assert text[start:end] == words
            # At the start of the text, of a line or of a sentence, or after 统计期限自.
            before = text[:start].rstrip(" ")
            assert not before or before[-1] in "。；;！？!?\n" or before.endswith("统计期限自")
        if spans:
            found[key] = [words for _s, _e, words in spans]
    assert found == EXPECTED_STALE[seed]


def test_a_year_inside_a_sentence_is_left_alone() -> None:
    text = _overview_003()
    # "…《国务院办公厅关于印发 2020 年政务公开工作要点的通知》…": three mentions
    # in the first sentence, one marked (the sentence's opening).
    first_sentence = text[: text.index("。")]
    assert first_sentence.count("2020 年") == 3
    marked = [s for s in stale_year_spans(text, 2021) if s[0] < len(first_sentence)]
    assert [(start, words) for start, _end, words in marked] == [(0, "2020 年")]
