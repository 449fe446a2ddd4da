"""Fuzzing draft files: a Report or the loader's Chinese refusal, never a traceback.

Inputs are arbitrary JSON documents, the seed drafts with fields replaced by
hostile values (issue 12: deep nesting, integers over 4,300 digits, "1e1000000",
lone surrogates, huge strings) and their JSON text cut or spliced.  Whatever
loads must pass ``check`` without raising and save and reload equal.  The suite
runs a hundred deterministic examples; ``make fuzz`` runs 1,000.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from models.editions import ValueKind, get_edition
from models.report import DocumentError, from_json, to_document, to_json
from models.store import load_draft
from models.validation import check
from tests.conftest import SEED_IDS, fuzz_examples, load_seed

SEEDS = {seed: to_document(load_seed(seed)) for seed in SEED_IDS}
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parent.parent

HOSTILE_VALUES: list[Any] = [
    "1e1000000",
    "1e999999999",
    "1e-100000",
    "\ud800",
    "好\udfff",
    "NaN",
    "Infinity",
    "-1",
    "0.1234567",
    "999999999999.999999",
    "1000000000000",
    " 5",
    10**12,
    -(10**15),
    2**63,
    1.5,
    float("inf"),
    "",
    "2021-02-30",
    "0001-01-01",
    [[[[[]]]]],
]
# Spliced into the JSON text as it is: what a parser meets before any field is checked.
FRAGMENTS = [
    "9" * 5000,
    "[" * 5000,
    '{"a":' * 3000,
    "\\ud800",
    "1e999999999",
    ",",
    "}",
    '"',
    "\x00",
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(HOSTILE_VALUES),
    st.builds(lambda: "长" * 200_001),  # built, so that the statistics do not print it
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


# Values of the right kind for their place, so that many mutated drafts load and
# go on to check and save: any count, any plain amount, any text, any date.
NARRATIVE = st.text(
    alphabet="0123456789 　\n。，、；（）一二三年度件起共收到申请行政复议诉讼其中结果维持纠正",
    max_size=200,
)
PLAUSIBLE = {
    "count": st.integers(-(10**13), 10**13),
    "money": st.decimals(min_value=0, max_value=10**13, allow_nan=False, places=7).map(
        lambda d: f"{d:f}"
    ),
    "agency": st.text(max_size=40),
    "year": st.integers(2000, 2110),
    "edition": st.sampled_from(["2019", "2021", "2020"]),
    "issue_date": st.none() | st.dates().map(lambda d: d.isoformat()),
    "text": st.text(max_size=200) | NARRATIVE,
}


@st.composite
def mutated_seeds(draw: st.DrawFn) -> dict[str, Any]:
    """A seed draft with a few fields, sections, units or cells replaced or removed."""
    document = copy.deepcopy(SEEDS[draw(st.sampled_from(SEED_IDS))])
    edition = get_edition(document["edition"])
    refs = list(edition.cells())
    for _ in range(draw(st.integers(1, 4))):
        hostile = draw(st.integers(0, 3)) == 0  # a quarter of the changes
        sections = document.setdefault("sections", {})
        cells, units = document.setdefault("cells", {}), document.setdefault("units", {})
        where = draw(st.sampled_from(["field", "section", "cell", "cell", "unit", "delete"]))
        if where == "field":
            name = draw(st.sampled_from(["agency", "year", "edition", "issue_date", "preamble"]))
            kind = name if name in PLAUSIBLE else "text"
            document[name] = draw(JSON_VALUES if hostile else PLAUSIBLE[kind])
        elif where == "section":
            key = draw(st.sampled_from(["overview", "problems", "other", "requests", "x"]))
            sections[key] = draw(JSON_VALUES if hostile else PLAUSIBLE["text"])
        elif where == "cell":
            ref = draw(st.sampled_from(refs))
            kind = "money" if edition.column(ref).kind is ValueKind.MONEY else "count"
            cells[str(ref)] = draw(JSON_VALUES if hostile else PLAUSIBLE[kind])
        elif where == "unit":
            key = draw(st.sampled_from(["t2.procurement.amount", str(draw(st.sampled_from(refs)))]))
            units[key] = draw(JSON_VALUES if hostile else st.sampled_from(["元", "万元"]))
        elif document:
            del document[draw(st.sampled_from(sorted(document)))]
    return document


@st.composite
def spliced(draw: st.DrawFn, text: str) -> str:
    """The JSON text cut short, or with a fragment spliced in anywhere."""
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        return text[:at]
    return text[:at] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=10)) + text[at:]


@st.composite
def draft_texts(draw: st.DrawFn) -> str:
    document = draw(mutated_seeds() | mutated_seeds() | mutated_seeds() | JSON_VALUES)
    text = json.dumps(
        document, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
    )
    return draw(spliced(text)) if draw(st.integers(0, 5)) == 0 else text


def _refused_well(exc: DocumentError) -> None:
    message = str(exc)
    assert CHINESE.search(message) and len(message) < 10_000, message[:500]
    message.encode("utf-8")  # printable and savable, even when the file was not


@settings(
    max_examples=fuzz_examples(100, 1_000),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],  # 200,000-character texts take time to draw
)
@given(draft_texts())
def test_any_draft_opens_or_is_refused_with_a_message(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "草稿.json"
        path.write_bytes(data)
        try:
            from_file = load_draft(str(path))
        except DocumentError as exc:
            _refused_well(exc)
            from_file = None
    try:
        report = from_json(text)
    except DocumentError as exc:
        _refused_well(exc)
        event("refused")
        return
    event("loaded")
    assert from_file is None or from_file == report
    check(report)
    check(report, report)  # last year's report as well
    saved = to_json(report)
    saved.encode("utf-8")
    assert from_json(saved) == report


def test_check_survives_a_claim_with_thousands_of_digits() -> None:
    report = load_seed("003")
    report.sections["overview"] = "共收到政府信息公开申请" + "1" * 5000 + "件。"
    check(report)


def test_check_is_linear_in_a_run_of_spaces() -> None:
    script = (
        "from models.validation import check\n"
        "from tests.conftest import load_seed\n"
        "report = load_seed('003')\n"
        "report.sections['overview'] = '。' + ' ' * 30_000 + '好'\n"
        "check(report)\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=2, check=True)
