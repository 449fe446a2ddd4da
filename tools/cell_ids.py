"""Print every table cell of an edition (id, labels, default unit), or a truth-file skeleton.

Used to write the hand-checked truth files of tests/fixtures/real/: ``cell_ids.py 2021``
lists the cells; ``cell_ids.py 2021 --skeleton`` prints a truth.json with every cell null.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.editions import ValueKind, get_edition


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("2019", "2021"):
        print("usage: cell_ids.py 2019|2021 [--skeleton]", file=sys.stderr)
        return 2
    edition = get_edition(argv[0])
    if "--skeleton" in argv:
        skeleton = {
            "edition": argv[0],
            "cells": {str(ref): None for ref in edition.cells()},
            "units": {},
        }
        print(json.dumps(skeleton, ensure_ascii=False, indent=1))
        return 0
    for ref in edition.cells():
        column = edition.column(ref)
        unit = column.unit if column.kind is ValueKind.MONEY else ""
        choices = "/".join(column.unit_choices) if column.unit_choices else ""
        extra = (
            f"  [money, default {unit}{', may be ' + choices if choices else ''}]" if unit else ""
        )
        print(f"{ref}\t{edition.cell_name(ref)}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
