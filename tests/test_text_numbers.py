"""Every figure a narrative states, compared with the tables (TEXT-NUM).

Two halves: what ``models.narrative`` reads in sentences real reports publish
(short excerpts, each with where it was published), and what
``models.rules_text.text_number_issues`` makes of them against tables made for
each case: a figure no reading of the table fits is a warning, every fair
reading passes, and a figure of something else is no claim at all.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from models.editions import CellRef, get_edition
from models.narrative import find_claims
from models.report import Report, new_report
from models.rules_text import text_number_issues
from models.totals import compute_totals
from models.validation import check

# ---------------------------------------------------------------- real sentences

# (where it was published, report year, excerpt, the claims it states:
# subject, number, words).  Excerpts are cut to the sentence that matters.
REAL_SENTENCES: list[tuple[str, int, str, list[tuple[str, object, str]]]] = [
    (
        # A district's 2022 依申请公开 summary (stored page; the search tool kept no address).
        "district summary 2022",
        2022,
        "2022年,全区各职能部门、镇街共完成政府信息依申请公开答复1453件,包括上年结转信息公开"
        "申请30件。其中,予以公开答复966件,占66.48%;部分公开67,占4.61%;不予公开81件,"
        "占5.57%;无法提供的182件,占12.53%;不予处理的61件,占4.20%;其他处理96件,占6.61%。",
        [
            ("results", 1453, "答复1453件"),
            ("carried", 30, "上年结转信息公开申请30件"),
            ("t3.open", 966, "予以公开答复966件"),
            ("share.open", Decimal("66.48"), "予以公开答复966件,占66.48%"),
            # "部分公开67," has no counter: no claim (a figure missed, not a false one).
            ("t3.refuse", 81, "不予公开81件"),
            ("share.refuse", Decimal("5.57"), "不予公开81件,占5.57%"),
            ("t3.unable", 182, "无法提供的182件"),
            ("share.unable", Decimal("12.53"), "无法提供的182件,占12.53%"),
            ("t3.reject", 61, "不予处理的61件"),
            ("share.reject", Decimal("4.20"), "不予处理的61件,占4.20%"),
            ("t3.other", 96, "其他处理96件"),
            ("share.other", Decimal("6.61"), "其他处理96件,占6.61%"),
        ],
    ),
    (
        # 通过网络申请…占86.92%: shares of channels, not of outcomes.
        "district summary 2022",
        2022,
        "2022年,全区各职能部门、镇街共收到政府信息依申请公开1499件。其中,通过网络申请1303件,"
        "占86.92%;通过信函申请172件,占11.47%;通过当面申请24件,占1.60%。",
        [("applications", 1499, "收到政府信息依申请公开1499件")],
    ),
    (
        "https://www.nanjing.gov.cn/zzb/zfxxgk/zfxxgknb/gqzf_72697/gcqrmzf/202302/t20230220_3830939.html",
        2022,
        "2022年，全区共收到政府信息公开申请130件，申请量同比增长103%。为提升答复群众满意率，"
        "办复率100%，其中予以公开或部分公开59件、占45.3%；不予公开32件、占24.6%；"
        "无法提供26件、占20%；不予处理1件、占0.7%；其他处理12件、占9.2%。",
        [
            ("applications", 130, "收到政府信息公开申请130件"),
            ("t3.open_partial", 59, "予以公开或部分公开59件"),
            ("share.open_partial", Decimal("45.3"), "予以公开或部分公开59件、占45.3%"),
            ("t3.refuse", 32, "不予公开32件"),
            ("share.refuse", Decimal("24.6"), "不予公开32件、占24.6%"),
            ("t3.unable", 26, "无法提供26件"),
            ("share.unable", Decimal("20"), "无法提供26件、占20%"),
            ("t3.reject", 1, "不予处理1件"),
            ("share.reject", Decimal("0.7"), "不予处理1件、占0.7%"),
            ("t3.other", 12, "其他处理12件"),
            ("share.other", Decimal("9.2"), "其他处理12件、占9.2%"),
        ],
    ),
    (
        "http://www.shpt.gov.cn/shpt/tjsj-tjsjzhzwqfbzfwj2021/20220725/847939.html",
        2022,
        "2022年上半年,全区各行政机关共受理政府信息公开申请267件,答复263件,申请量比2021年"
        "同期上升1.52%。其中同意公开或部分公开共81件,公开率为30.80%。",
        [
            ("applications", 267, "受理政府信息公开申请267件"),
            ("results", 263, "答复263件"),
            ("t3.open_partial", 81, "同意公开或部分公开共81件"),
        ],
    ),
    (
        "http://js.changchun.gov.cn/zcbm/styjrswj/ndbg/202401/t20240115_3271106.html",
        2023,
        "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。",
        [("applications", 2, "受理政府信息公开申请2件")],
    ),
    (
        "https://yangling.gov.cn/zwgk/gknb/bmnb/1619593655548706818.html",
        2022,
        "2022年,未收到依申请公开事项.",
        [("applications", 0, "未收到依申请公开")],
    ),
    (
        "http://htq.gov.cn/hzshtqzf/zwgk/xxgknb/2019/zbxx/202601/a703a64c28bd4785988d7f2f9404f300.shtml",
        2025,
        "2025年，我镇未收到政务信息公开申请。",
        [("applications", 0, "未收到政务信息公开申请")],
    ),
    (
        "http://aqxxgk.anqing.gov.cn/gknb_show.php?id=4540",
        2021,
        "本年度共受理群众网上申请政府信息公开申请0件，自然人申请办件量0件，法人0件；其中办结"
        "政府信息公开申请0件。本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。",
        [
            # 网上申请: one channel, not the number of requests.
            ("results", 0, "办结政府信息公开申请0件"),
            ("review_litigation", 0, "行政复议、行政诉讼案件为0件"),
        ],
    ),
    (
        "http://www.zichang.gov.cn/zfxxgk/zfxxgknb/szfnb/2023n/1752504210521403394.html",
        2023,
        "2023年度，子长市累计办理公民、法人或其他组织通过市政府门户网站、邮寄等途径依申请公开"
        "信息合计12件，已全部按期限答复办结，办结率100%。在依申请公开政府信息工作中没有出现"
        "应公开而不予公开的办件，未发生因政府信息公开申请行政复议、提起行政诉讼情况。",
        [("review_litigation", 0, "未发生因政府信息公开申请行政复议、提起行政诉讼")],
    ),
    (
        "http://hntrmy.com/col/13649_176277/art/16436448/1645147752038KaoNWX9a.html",
        2021,
        "今年以来，全区累计处理政府信息依申请公开92件，其中，本年度新接收91件，2020年结转办理"
        "1件。除4件转结2022年办理以外，均依法依规完成答复。",
        [
            ("applications", 92, "处理政府信息依申请公开92件"),
            ("carried", 1, "2020年结转办理1件"),
            ("carry_forward", 4, "4件转结2022年"),
        ],
    ),
    (
        "https://snjkq.suining.gov.cn/zwgk/show/721bf01c07804f6484043de4197af76a.html",
        2021,
        "全年收到依申请公开事项0件，全年未收到因政府信息公开申请引起的行政复议和行政诉讼情况。",
        [
            ("applications", 0, "收到依申请公开事项0件"),
            ("review_litigation", 0, "未收到因政府信息公开申请引起的行政复议和行政诉讼"),
        ],
    ),
    (
        "https://www.bjdx.gov.cn/bjsdxqrmzf/zwfw/zfxxgk/dxqzf69/2291822/2291824/2292928/index.html",
        2025,
        "全年共收到政府信息公开申请16件，均在法定时限内完成答复，答复率100%。",
        [("applications", 16, "收到政府信息公开申请16件")],
    ),
    (
        "http://www.suixi.gov.cn/gzzwz/jxzrmzf/zwgk/xxgknb/content/post_67513.html",
        2018,
        "2018年度我镇没有接到群众主动要求公开政府信息的申请。我镇2018年度，没有发生针对本单位"
        "有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案。",
        [
            ("applications", 0, "没有接到群众主动要求公开政府信息的申请"),
            (
                "review_litigation",
                0,
                "没有发生针对本单位有关政府信息公开事务的行政复议案、行政诉讼",
            ),
        ],
    ),
    (
        "https://www.zhanjiang.gov.cn/zjsfw/bmdh/dfz/zwgk/xxgkndbg/content/post_1871569.html",
        2023,
        "2023年，我办全年未收到行政许可申请；全年未接到信息公开申请；各栏目共刊发文稿、通知、"
        "公告、公示等44篇。",
        [("applications", 0, "未接到信息公开申请")],
    ),
    (
        # A copy of a 2017 report (old format) on a mirror site.
        "https://www.izibackup.com/jinboqipai/20181030/5664.html",
        2017,
        "在已经答复的9件申请中，“同意公开”的7件，占总数的70%，主要涉及文物保护、行政审批等信息。",
        [
            # "答复的9件申请": 答复 counts requests only where the clause names them
            # as such (信息公开申请, 依申请公开), or 办结人大代表建议 would count too.
            ("t3.open", 7, "同意公开”的7件"),
            ("share.open", Decimal("70"), "同意公开”的7件，占总数的70%"),
        ],
    ),
    # Figures of other things: no claim.
    (
        # 规章 13 are those published; 新制定5件 has no subject in its part.
        "https://shanghai.gov.cn/nw12344/20230331/4a03b5fa47ae4c73b7ec42801de6be66.html",
        2022,
        "2022年，在上海市人民政府网站、《上海市人民政府公报》主动公开市政府规章13件(含新制定5件,"
        "修改4件,废止4件),主动公开市政府和市政府办公厅行政规范性文件42件,人事任免文件106件。",
        [],
    ),
    (
        "http://www.jingzhouqu.gov.cn/xxgk/xxgkml/bmzfxxgknb/202202/t20220218_698433.shtml",
        2021,
        "2021年，区政府门户网站主动公开政府信息6039条，其中发布规范性文件4件，梳理全区依申请及"
        "公共服务事项清单12项(区级)。",
        [],
    ),
    (
        # 办结 and 回复率 of the 12345 hotline, not of requests.
        "https://saintpaulhem.com/jxx/jxxrmzf/xxgknbgs/202403/fadd881c1204427da3d7fff510732e0e.shtml",
        2023,
        "2023年，共办理政府12345热线47件，已全部办结，回复率和满意率均达100%。",
        [],
    ),
    (
        # 公开率 of proactive disclosure: a "公开率" is not a 表三 ratio.
        "http://xxgk.dc.gov.cn/xzzf6/jcrm/ndbg/202601/t20260115_763295.html",
        2025,
        "年主动公开各类信息23条，所有信息均在20个工作日内公开，公开率、及时率均达100%。",
        [],
    ),
    (
        "http://61.150.65.235/zfxxgk/zfxxgknb/bmxxgknb/1906985018193408001.html",
        2023,
        "2023年,我局认真梳理,主动在门户网站公开政府信息50条。在主动公开的信息中,政策法规类的"
        "信息4条,业务工作类的信息10条,信息公开30条,统计数据信息6条。",
        [],
    ),
]


@pytest.mark.parametrize(
    ("where", "year", "text", "expected"),
    REAL_SENTENCES,
    ids=[f"{i:02d}" for i in range(len(REAL_SENTENCES))],
)
def test_what_real_sentences_state(
    where: str, year: int, text: str, expected: list[tuple[str, object, str]]
) -> None:
    claims = find_claims(text, year)
    assert [(c.subject, c.number, c.words) for c in claims] == expected, where
    for claim in claims:
        assert text[claim.start : claim.end] == claim.words


def test_claims_carry_what_a_share_is_of() -> None:
    _where, year, text, _expected = REAL_SENTENCES[0]
    share = next(c for c in find_claims(text, year) if c.subject == "share.open")
    # The count stated, then every total the text states (答复1453件).
    assert share.parts == (966, 1453)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本机关共收到政府信息公开申请十二件，上年结转两件，办结十四件。", [12, 2, 14]),
        ("被申请行政复议一起，被提起行政诉讼两起。", [1, 2]),
        ("收到政府信息公开申请一百零五件。", [105]),
        # Words, not figures: 一件一档, 一起纳入, 一次性; 数十件 is no figure.
        ("行政复议和行政诉讼一起纳入年度考核，做到一件一档，一次性告知。", []),
        ("全年共受理政府信息公开申请数十件。", []),
    ],
)
def test_chinese_numerals_count(text: str, expected: list[int]) -> None:
    assert [c.number for c in find_claims(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "行政复议案件同比减少2件。",
        "收到政府信息公开申请较上年增加12件。",
        "全年受理政府信息公开申请近50件，网站发布信息754条，微博12984条。",
        "主动公开行政许可、行政处罚信息、信用承诺个人信息共90000余条。",
        "办理人大代表建议12件、政协提案8件，均已按时办结。",
        "受理行政许可申请120件，办结118件。",
        "受理法人或其他组织政府信息公开申请3件。",
        "行政复议和行政诉讼分别为2件、1件。",
        "未发生行政复议被纠错的情况。",
        "上年度受理政府信息公开申请12件。",
        "被申请行政复议3件，满意度均维持在较高水平。",
    ],
)
def test_changes_parts_and_other_things_are_no_claims(text: str) -> None:
    subjects = [c.subject for c in find_claims(text, 2021)]
    # Only what the text says of the cases themselves may remain.
    assert set(subjects) <= {"review"}, subjects
    assert "review" not in subjects or "行政复议3件" in text


def test_last_years_figures_are_left_alone() -> None:
    text = "2020年受理政府信息公开申请12件，2021年受理政府信息公开申请15件。"
    assert [c.number for c in find_claims(text, 2021)] == [15]
    # Without the report's year nothing tells the two apart.
    assert [c.number for c in find_claims(text)] == [12, 15]
    # 上年结转 names last year by design; 结转 into another year than the next is not this one.
    assert [c.subject for c in find_claims("2020年结转办理1件。", 2021)] == ["carried"]
    assert find_claims("2019年结转办理1件。", 2021) == []


# ---------------------------------------------------------------- against the tables


def _report(year: int, cells: dict[str, int | Decimal], **sections: str) -> Report:
    """Every input cell 0, then ``cells`` ("t3.open.natural": 3), then the texts."""
    report = new_report("某局", year)
    for ref in get_edition(report.edition).input_cells():
        report.set(ref, 0)
    for key, value in cells.items():
        report.set(CellRef.parse(key), value)
    report.sections.update(sections)
    return report


def _warnings(report: Report) -> list[str]:
    return [i.message for i in text_number_issues(report, compute_totals(report))]


# 高淳区 2022 (above): 130 new requests and their outcomes, as a consistent table.
GAOCHUN = {
    "t3.new.natural": 130,
    "t3.open.natural": 40,
    "t3.partial.natural": 19,
    "t3.refuse_5.natural": 32,
    "t3.unable_1.natural": 26,
    "t3.reject_2.natural": 1,
    "t3.other_3.natural": 12,
}


def test_real_outcomes_and_their_shares_fit_their_table() -> None:
    text = REAL_SENTENCES[2][2]
    assert _warnings(_report(2022, GAOCHUN, requests=text)) == []


def test_an_outcome_the_table_does_not_have_is_warned() -> None:
    text = REAL_SENTENCES[2][2]
    # One 不予公开 less in the table (its balance is the sum rules' business).
    cells = {**GAOCHUN, "t3.refuse_5.natural": 31}
    (message,) = _warnings(_report(2022, cells, requests=text))
    assert (
        message == "三、收到和处理政府信息公开申请情况正文“不予公开32件”为32，而表三“不予公开”为31"
    )


def test_a_share_that_does_not_add_up_is_warned() -> None:
    text = REAL_SENTENCES[2][2].replace("占24.6%", "占42.6%")
    (message,) = _warnings(_report(2022, GAOCHUN, requests=text))
    assert "“不予公开32件、占42.6%”" in message and "24.6%" in message


def test_a_share_may_be_of_the_results_or_of_a_total_the_text_states() -> None:
    text = REAL_SENTENCES[0][2]
    cells = {
        "t3.new.natural": 1423,
        "t3.carried.natural": 30,
        "t3.open.natural": 966,
        "t3.partial.natural": 67,
        "t3.refuse_1.natural": 81,
        "t3.unable_1.natural": 182,
        "t3.reject_1.natural": 61,
        "t3.other_1.natural": 96,
    }
    assert _warnings(_report(2022, cells, requests=text)) == []


def test_received_may_mean_new_or_new_plus_carried_results_mean_results() -> None:
    text = REAL_SENTENCES[9][2]  # 处理92件，其中新接收91件、2020年结转1件，4件转结2022年
    cells = {
        "t3.new.natural": 91,
        "t3.carried.natural": 1,
        "t3.open.natural": 88,
        "t3.carry_forward.natural": 4,
    }
    assert _warnings(_report(2021, cells, overview=text)) == []
    cells.update({"t3.open.natural": 89, "t3.carry_forward.natural": 3})
    (message,) = _warnings(_report(2021, cells, overview=text))
    assert message == ("一、总体情况正文“4件转结2022年”为4，而表三结转下年度继续办理数为3")


def test_none_received_while_the_table_shows_requests() -> None:
    text = REAL_SENTENCES[5][2]  # 未收到依申请公开事项
    assert _warnings(_report(2022, {}, overview=text)) == []
    (message,) = _warnings(
        _report(2022, {"t3.new.natural": 2, "t3.open.natural": 2}, overview=text)
    )
    assert "“未收到依申请公开”为0" in message


def test_no_reviews_or_lawsuits_while_the_table_shows_cases() -> None:
    text = REAL_SENTENCES[10][2]  # 未收到…引起的行政复议和行政诉讼
    assert _warnings(_report(2021, {}, overview=text)) == []
    (message,) = _warnings(_report(2021, {"t4.all.after_pending": 1}, overview=text))
    assert "行政复议与行政诉讼总计为1" in message
    # "无行政诉讼" is about both kinds of lawsuit, not one of them.
    report = _report(2021, {"t4.all.after_upheld": 2}, review="本年度无行政诉讼案件。")
    assert len(_warnings(report)) == 1


def test_all_upheld_while_cases_are_pending_or_corrected() -> None:
    text = "被申请行政复议3件，均维持原行政行为；被提起行政诉讼2件，均获维持。"
    cells: dict[str, int | Decimal] = {
        "t4.all.review_upheld": 3,
        "t4.all.direct_upheld": 2,
    }
    assert _warnings(_report(2021, cells, review=text)) == []
    cells.update({"t4.all.review_upheld": 2, "t4.all.review_pending": 1})
    (message,) = _warnings(_report(2021, cells, review=text))
    assert message == (
        "四、政府信息公开行政复议、行政诉讼情况正文“均维持”，而表四行政复议结果纠正与尚未审结之和为1"
    )
    cells.update({"t4.all.direct_upheld": 1, "t4.all.after_corrected": 1})
    assert len(_warnings(_report(2021, cells, review=text))) == 2


def test_lawsuit_outcomes_without_the_kind_read_both_kinds() -> None:
    text = "被提起行政诉讼3件，其中结果维持2件，尚未审结1件。"
    cells = {"t4.all.direct_upheld": 1, "t4.all.after_upheld": 1, "t4.all.after_pending": 1}
    assert _warnings(_report(2021, cells, review=text)) == []
    cells["t4.all.after_pending"] = 0
    assert len(_warnings(_report(2021, cells, review=text))) == 2  # 3 cases, 1 pending


def test_documents_of_the_2021_edition() -> None:
    text = "2021年共制发行政规范性文件3件，废止规范性文件1件，现行有效行政规范性文件101件。"
    cells = {"t2.normative.issued": 3, "t2.normative.repealed": 1, "t2.normative.in_force": 101}
    assert _warnings(_report(2021, cells, overview=text)) == []
    cells["t2.normative.in_force"] = 100
    (message,) = _warnings(_report(2021, cells, overview=text))
    assert message == (
        "一、总体情况正文“现行有效行政规范性文件101件”为101，而表二行政规范性文件现行有效件数为100"
    )


def test_documents_of_the_2019_edition_read_made_or_published() -> None:
    text = "2020年共制作规范性文件8件，废止规范性文件2件。"
    # 2019 rows: 本年新制作数量 or 本年新公开数量; no column counts 废止.
    assert _warnings(_report(2020, {"t2.normative.published": 8}, other=text)) == []
    assert _warnings(_report(2020, {"t2.normative.made": 8}, other=text)) == []
    assert len(_warnings(_report(2020, {"t2.normative.made": 7}, other=text))) == 1


def test_decisions_of_both_editions() -> None:
    text = "实施行政许可696件，行政处罚19902件，对外管理服务事项41055件。"
    cells_2019 = {
        "t2.licensing.decisions": 696,
        "t2.penalty.decisions": 19902,
        "t2.other_services.decisions": 41055,
    }
    assert _warnings(_report(2019, cells_2019, other=text)) == []
    # The 2021 edition has no 其他对外管理服务事项: that figure has nothing to match.
    cells_2021 = {"t2.licensing.decisions": 696, "t2.penalty.decisions": 19900}
    (message,) = _warnings(_report(2021, cells_2021, other=text))
    assert (
        message
        == "六、其他需要报告的事项正文“行政处罚19902件”为19902，而表二行政处罚处理决定数量为19900"
    )


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("本年度行政事业性收费金额为227.3466万元。", False),
        ("本年度行政事业性收费金额为227.35万元。", False),  # rounded as printed
        ("本年共收取行政事业性收费2273466元。", False),  # in 元
        ("本年度行政事业性收费170.3466万元。", True),
    ],
)
def test_fee_in_wan_yuan_or_yuan(text: str, warned: bool) -> None:
    report = _report(2021, {"t2.fees.fee_amount": Decimal("227.3466")}, other=text)
    assert bool(_warnings(report)) is warned


def test_a_list_said_to_make_up_its_total() -> None:
    text = "2021年，全市受理依申请公开47项，其中，行政许可17项、行政确认12项、其它职权16项。"
    (message,) = _warnings(
        _report(2021, {"t3.new.natural": 47, "t3.refuse_4.natural": 47}, overview=text)
    )
    assert message == (
        "一、总体情况正文“47项，其中，行政许可17项、行政确认12项、其它职权16项”所列各项合计45，与总数47不符"
    )
    whole = text.replace("16项", "18项")
    assert (
        _warnings(_report(2021, {"t3.new.natural": 47, "t3.refuse_4.natural": 47}, overview=whole))
        == []
    )
    # A whole the tables do not count is not checked (a real 2021 report's
    # 977 posts "其中…其他信息145条" add up to 694, but that is not 表二's).
    posts = "主动公开政府信息977条，其中政府文件11条，工作动态信息270条，其他信息145条。"
    assert find_claims(posts) == []
    # 其他处理 is one outcome of the template, not "the rest": the list may be partial.
    partial = "受理政府信息公开申请10件，其中予以公开5件，其他处理1件。"
    assert [c.subject for c in find_claims(partial)] == ["applications", "t3.open", "t3.other"]


def test_figures_over_unread_cells_are_not_checked() -> None:
    report = _report(2021, {}, review="被申请行政复议5件。")
    assert any(i.code == "TEXT-NUM" for i in check(report))
    for key in ("upheld", "corrected", "other", "pending"):
        ref = CellRef("t4", "all", f"review_{key}")
        report.set(ref, None)
        report.unread[ref] = "复制时丢失"
    assert not any(i.code == "TEXT-NUM" for i in check(report))


def test_the_issue_points_at_the_words() -> None:
    text = REAL_SENTENCES[2][2].replace("占24.6%", "占42.6%")
    report = _report(2022, GAOCHUN, requests=text)
    (issue,) = text_number_issues(report, compute_totals(report))
    start, end = issue.span  # type: ignore[misc]
    assert text[start:end] == "不予公开32件、占42.6%"
    assert issue.field == "sections.requests"


def test_long_hostile_texts_are_read_in_linear_time() -> None:
    # Each about 100,000 characters (a text field holds at most 200,000).
    texts = [
        "未" * 100_000 + "行政复议",
        ("受理" + "。" * 3) * 25_000,
        "1件" * 50_000,
        "受理政府信息公开申请1件，其中x1件，其中" * 4_000,  # lists inside lists
        "未发生行政复议，" * 12_000,  # a negation before every name
        "行政复议1件，" * 14_000,  # one clause, many claims
        "《2021年》" * 12_000 + "行政复议1件",
        "行政复议" + " " * 100_000 + "件",
    ]
    start = time.perf_counter()
    for text in texts:
        find_claims(text, 2021)
    # About 3 s in all on the slowest machine measured; one quadratic step
    # (as the first drafts had) takes minutes.
    assert time.perf_counter() - start < 30
