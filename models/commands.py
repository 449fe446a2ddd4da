"""The command-line verbs that need no screen: check a draft, create an empty one.

``main.py`` dispatches here; each function returns the process exit status and
prints plain Chinese messages, never a traceback, for files it cannot use.
"""

from __future__ import annotations

import sys
from pathlib import Path

from models.editions import EDITION_TITLES, EDITIONS, CellRef, get_edition
from models.files import disk_reason
from models.report import MAX_YEAR, MIN_YEAR, DocumentError, Report, new_report
from models.store import DraftStoreError, load_draft, save_draft_file
from models.validation import Issue, Severity, check

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2


def format_issue(report: Report, issue: Issue) -> str:
    label = "错误" if issue.severity is Severity.ERROR else "提醒"
    line = f"[{label} {issue.code}] {issue.message}"
    if issue.cells and issue.code != "MISSING":
        edition = get_edition(report.edition)
        names = [edition.cell_name(c) for c in issue.cells[:4]]
        more = f" 等{len(issue.cells)}格" if len(issue.cells) > 4 else ""
        line += "\n    涉及：" + "；".join(names) + more
    return line


def run_check(path: str, previous_path: str | None = None) -> int:
    try:
        report = load_draft(path)
        previous = load_draft(previous_path) if previous_path else None
    except DocumentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    issues = check(report, previous)
    errors = [i for i in issues if i.severity is Severity.ERROR]
    warnings = [i for i in issues if i.severity is Severity.WARNING]
    print(f"{report.title}（{EDITION_TITLES[report.edition]}）")
    for issue in errors + warnings:
        print(format_issue(report, issue))
    print(f"共 {len(errors)} 处错误，{len(warnings)} 处提醒")
    return EXIT_ERRORS if errors else EXIT_OK


def run_new(agency: str, year: int, out: str, edition: str | None, force: bool) -> int:
    if not agency.strip():
        print("机关名称不能为空", file=sys.stderr)
        return EXIT_UNUSABLE
    if not MIN_YEAR <= year <= MAX_YEAR:
        print(f"年度应在{MIN_YEAR}–{MAX_YEAR}之间", file=sys.stderr)
        return EXIT_UNUSABLE
    if edition and edition not in EDITIONS:
        print(f"模板版本只能是 {' 或 '.join(EDITIONS)}", file=sys.stderr)
        return EXIT_UNUSABLE
    target = Path(out)
    if target.exists() and not force:
        print(f"文件“{out}”已存在；如要覆盖请加 --force", file=sys.stderr)
        return EXIT_UNUSABLE
    report = new_report(agency.strip(), year, edition)
    if not _write_draft(target, report):
        return EXIT_UNUSABLE
    print(f"已创建 {out}：{report.title}（{EDITION_TITLES[report.edition]}）")
    return EXIT_OK


def _write_draft(target: Path, report: Report) -> bool:
    try:
        save_draft_file(report, target)  # refuses what could not be read back
    except DraftStoreError as exc:
        print(exc, file=sys.stderr)
        return False
    return True


def run_export_pdf(path: str, out: str) -> int:
    """Write the PDF of a draft; prints the page count (and the draft mark, if any)."""
    from export.fonts import MissingFontError
    from export.pdf import export_pdf  # ReportLab only when a PDF is wanted

    try:
        report = load_draft(path)
    except DocumentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERRORS
    try:
        result = export_pdf(report, Path(out))
    except MissingFontError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:
        print(f"无法写入“{out}”：{disk_reason(exc)}", file=sys.stderr)
        return EXIT_ERRORS
    mark = f"（存在{result.errors}处校验错误，每页带“草稿”标记）" if result.errors else ""
    print(f"已导出 {out}：共 {result.pages} 页{mark}")
    return EXIT_OK


def run_import(path: str, out: str, force: bool) -> int:
    """A published report (.txt or .docx) into a draft file; says what it could not place."""
    from models.importer import ImporterError, import_file

    target = Path(out)
    if target.exists() and not force:
        print(f"文件“{out}”已存在；如要覆盖请加 --force", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        result = import_file(Path(path))
    except ImporterError as exc:  # damaged, too large, unreadable: the message names the file
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    report = result.report
    edition = get_edition(report.edition)
    print(f"{report.title}（{EDITION_TITLES[report.edition]}）")
    print(result.summary())
    for note in result.notes:
        print(f"· {note}")
    # One line per row when a whole row shares one reason, else one per cell.
    by_row: dict[tuple[str, str], list[tuple[CellRef, str]]] = {}
    for ref, why in result.unplaced.items():
        by_row.setdefault((ref.table, ref.row), []).append((ref, why))
    for (table, row), cells in by_row.items():
        reasons = {why for _ref, why in cells}
        whole = len(cells) == len(edition.table(table).block_of_row(row).columns)
        if whole and len(reasons) == 1:
            name = edition.cell_name(cells[0][0]).rsplit(" / ", 1)[0]
            print(f"  未放入：{name}（整行）：{reasons.pop()}")
        else:
            for ref, why in cells:
                print(f"  未放入：{edition.cell_name(ref)}：{why}")
    if not _write_draft(target, report):
        return EXIT_UNUSABLE
    print(f"已写入 {out}")
    return EXIT_OK
