"""The report's JSON document: round trip, and refusal of anything malformed."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from models.editions import CellRef
from models.report import DocumentError, from_document, from_json, new_report, to_document, to_json
from tests.conftest import SEED_IDS, load_seed


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_round_trips_exactly(seed: str) -> None:
    report = load_seed(seed)
    again = from_json(to_json(report))
    assert again == report
    assert to_json(again) == to_json(report)


def test_blank_is_not_zero() -> None:
    report = new_report("某局", 2021)
    ref = CellRef("t3", "new", "natural")
    report.set(ref, 0)
    doc = to_document(report)
    assert doc["cells"] == {"t3.new.natural": 0}
    report.set(ref, None)
    assert to_document(report)["cells"] == {}


def test_money_travels_as_text() -> None:
    report = new_report("某局", 2021)
    report.set(CellRef("t2", "fees", "fee_amount"), Decimal("227.3466"))
    report.issue_date = dt.date(2022, 1, 20)
    doc = to_document(report)
    assert doc["cells"]["t2.fees.fee_amount"] == "227.3466"
    assert doc["issue_date"] == "2022-01-20"
    assert doc["schema_version"] == 1
    assert from_document(json.loads(json.dumps(doc))) == report


def _doc(**changes: object) -> dict:
    doc = to_document(load_seed("003"))
    doc.update(changes)
    return doc


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ([], "不是一个对象"),
        ({"hello": 1}, "不是本程序的报告文件"),
        (_doc(schema_version=99), "比本程序新"),
        (_doc(schema_version="1"), "版本号"),
        (_doc(year="二〇二〇"), "年度（year）"),
        (_doc(edition="2030"), "模板版本"),
        (_doc(issue_date="2021/01/20"), "YYYY-MM-DD"),
        (_doc(cells={"t3.new.natural": "五"}), "应为整数"),
        (_doc(cells={"t3.nothing.natural": 1}), "没有单元格"),
        (_doc(cells={"t2.fees.fee_amount": 1}), "没有单元格"),  # a 2021 cell in a 2019 report
        (_doc(cells={"t2.procurement.amount": 12.5}), "金额文字"),
        (_doc(units={"t2.procurement.amount": "美元"}), "单位不能是"),
        (_doc(sections={"seventh": ""}), "无法识别的正文部分"),
        (_doc(extra=True), "无法识别的字段"),
    ],
)
def test_malformed_documents_are_refused_whole(document: object, words: str) -> None:
    with pytest.raises(DocumentError) as info:
        from_document(document)
    assert words in str(info.value)


def test_every_problem_is_named_at_once() -> None:
    with pytest.raises(DocumentError) as info:
        from_document(_doc(year=1, issue_date="x", cells={"a.b.c": 1}))
    message = str(info.value)
    assert "年度" in message and "成文日期" in message and "a.b.c" in message


def test_broken_json_is_refused() -> None:
    with pytest.raises(DocumentError, match="JSON 格式错误"):
        from_json('{"format": ')


def _text(**changes: object) -> str:
    return json.dumps(_doc(**changes), ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (" " * (5 * 1024 * 1024 + 1), "太大"),
        ("[" * 100_000 + "]" * 100_000, "嵌套层数过多"),
        ('{"format": ' + "9" * 5000 + "}", "位数过多"),
        (_text(cells={"t2.procurement.amount": "1e1000000"}), "金额文字"),
        (_text(cells={"t2.procurement.amount": "1e999999999"}), "金额文字"),
        (_text(cells={"t2.procurement.amount": "1e-100000"}), "金额文字"),
        (_text(cells={"t2.procurement.amount": "0." + "1" * 7}), "最多6位小数"),
        (_text(cells={"t3.new.natural": 10**12}), "超过12位"),
        (_text(agency="某\ud800局"), "无法保存的字符"),
        (_text(sections={"overview": "好" * 200_001}), "太长"),
    ],
)
def test_bounded_before_it_can_do_harm(text: str, words: str) -> None:
    with pytest.raises(DocumentError) as info:
        from_json(text)
    assert words in str(info.value)
    assert len(str(info.value)) < 2000


def test_a_thousand_problems_are_summed_up() -> None:
    with pytest.raises(DocumentError) as info:
        from_document(_doc(cells={f"t9.x.{i}": 1 for i in range(1000)}))
    assert "另有970处问题" in str(info.value)


def test_the_largest_values_a_draft_may_hold_load_and_check() -> None:
    from models.validation import check

    largest = {"t2.procurement.amount": "999999999999.999999", "t3.new.natural": 1 - 10**12}
    report = from_document(_doc(cells=largest))
    assert {i.code for i in check(report)} >= {"VAL"}
    assert from_json(to_json(report)) == report
