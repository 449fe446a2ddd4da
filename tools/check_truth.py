"""Run the checker over one corpus report's hand-typed truth (with the imported narrative).

A hint for whoever writes ``meta.json``'s list of real mistakes: every issue printed
must still be verified by hand against the source.  ``check_truth.py tests/fixtures/real/<id>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.importer import ImporterError, import_file  # noqa: E402
from models.validation import check  # noqa: E402
from tests.corpus import load  # noqa: E402


def main(argv: list[str]) -> int:
    for arg in argv:
        item = load(Path(arg))
        try:
            imported = import_file(item.source).report
        except ImporterError as exc:
            print(f"{item.name}: import failed ({exc}); tables only")
            imported = None
        report = item.truth_report(sections_from=imported)
        print(f"== {item.name}: {report.agency} {report.year} ({item.edition})")
        for issue in check(report):
            print(f"  {issue.severity.value:7} {issue.code:10} {issue.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
