"""The command line: its arguments, and the verbs that need no screen.

main.py                             open the window
main.py check DRAFT.json            print every issue (exit 1 if errors)
main.py new --agency 名称 --year 2024 -o DRAFT.json
main.py import PUBLISHED.txt -o DRAFT.json
main.py export-pdf DRAFT.json OUT.pdf
main.py export-docx DRAFT.json OUT.docx
main.py export-html DRAFT.json OUT.html

``main.py`` parses with ``build_parser`` and starts the window, or hands a verb
to ``run_command``.  Each verb returns the process exit status and prints plain
Chinese messages, never a traceback, for files it cannot use.  This module sits
beside the window, not inside models/: it may use models/ and export/, never gui/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from models import APP_NAME, APP_VERSION
from models.editions import EDITION_TITLES, EDITIONS, get_edition
from models.files import disk_reason
from models.issues import Issue, Severity
from models.report import MAX_YEAR, MIN_YEAR, DocumentError, Report, new_report
from models.store import DraftStoreError, load_draft, save_draft_file
from models.validation import check

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2

# argparse's own words (usage, help headings, errors) in Chinese: it looks each
# up through the module's gettext function, so that function is replaced.
_ARGPARSE_WORDS = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "subcommands": "命令",
    "show this help message and exit": "显示本说明并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "没有 %(value)r 这一项（可选：%(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的数值",
    "expected one argument": "后面需要一个值",
    "expected at most one argument": "后面最多一个值",
    "expected at least one argument": "后面至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s"
    ),
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "%(heading)s:": "%(heading)s：",
}
# argparse takes `_` from gettext without declaring it, so the stubs lack it.
argparse._ = lambda text: _ARGPARSE_WORDS.get(text, text)  # type: ignore[attr-defined]


class _ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"参数有误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseArgumentParser(prog="main.py", description=APP_NAME)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    parser.add_argument(
        "--selftest",
        metavar="草稿",
        nargs="?",
        const="",
        help="打开窗口、载入草稿（可选）、导出PDF后退出，用于检验安装是否完好",
    )
    # For the start-up bench: show the window, then quit at once.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="命令")
    p_check = sub.add_parser("check", help="检查报告草稿，列出全部错误和提醒")
    p_check.add_argument("draft", metavar="草稿", help="报告草稿（.json）")
    p_check.add_argument(
        "--previous", metavar="上年草稿", help="上一年度的报告草稿，用于跨年度核对"
    )
    p_new = sub.add_parser("new", help="新建一份空白报告草稿")
    p_new.add_argument("--agency", required=True, metavar="机关名称", help="机关名称")
    p_new.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度")
    p_new.add_argument("--edition", metavar="版本", help="模板版本（2019 或 2021），默认按年度确定")
    p_new.add_argument("-o", "--output", required=True, metavar="输出文件", help="输出文件")
    p_new.add_argument("--force", action="store_true", help="覆盖已有文件")
    p_import = sub.add_parser(
        "import", help="把已发布的报告（网页、PDF、Word 或复制出的文字）读成报告草稿"
    )
    p_import.add_argument(
        "source",
        metavar="已发布的报告",
        help="已发布的报告：网页（.html/.mht）、PDF、.docx，或复制出的文字（.txt）",
    )
    p_import.add_argument(
        "--agency", metavar="机关名称", help="机关名称（原文中找不到可靠名称时必须给出）"
    )
    p_import.add_argument(
        "--year", type=int, metavar="年度", help="报告年度（原文中找不到年度时必须给出）"
    )
    p_import.add_argument(
        "-o", "--output", required=True, metavar="草稿", help="输出的报告草稿（.json）"
    )
    p_import.add_argument("--force", action="store_true", help="覆盖已有文件")
    p_pdf = sub.add_parser("export-pdf", help="把报告草稿导出为可打印的 PDF")
    p_pdf.add_argument("draft", metavar="草稿", help="报告草稿（.json）")
    p_pdf.add_argument("output", metavar="PDF文件", help="输出的 PDF 文件")
    p_docx = sub.add_parser("export-docx", help="把报告草稿导出为可编辑的 Word 文档（.docx）")
    p_docx.add_argument("draft", metavar="草稿", help="报告草稿（.json）")
    p_docx.add_argument("output", metavar="Word文件", help="输出的 Word 文件（.docx）")
    p_html = sub.add_parser(
        "export-html", help="把报告草稿导出为网页（单个 .html 文件，可粘贴到网站编辑器）"
    )
    p_html.add_argument("draft", metavar="草稿", help="报告草稿（.json）")
    p_html.add_argument("output", metavar="网页文件", help="输出的网页文件（.html）")
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the verb ``build_parser`` parsed into ``args``; its exit status."""
    if args.command == "check":
        return run_check(args.draft, args.previous)
    if args.command == "new":
        return run_new(args.agency, args.year, args.output, args.edition, args.force)
    if args.command == "import":
        return run_import(args.source, args.output, args.force, args.agency, args.year)
    if args.command == "export-pdf":
        return run_export_pdf(args.draft, args.output)
    if args.command == "export-docx":
        return run_export_docx(args.draft, args.output)
    if args.command == "export-html":
        return run_export_html(args.draft, args.output)
    raise ValueError(f"no such command: {args.command!r}")


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
    result = check(report, previous)
    errors, warnings = result.errors, result.warnings
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


def _export(path: str, out: str, write: Callable[[Report, Path], str]) -> int:
    """Load a draft, write one of its copies with ``write`` (which returns what to add
    to the message), and say so; a draft or a folder that will not do, in Chinese."""
    from export.fonts import MissingFontError

    try:
        report = load_draft(path)
    except DocumentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERRORS
    try:
        said = write(report, Path(out))
    except MissingFontError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:
        print(f"无法写入“{out}”：{disk_reason(exc)}", file=sys.stderr)
        return EXIT_ERRORS
    print(f"已导出 {out}{said}")
    return EXIT_OK


def run_export_pdf(path: str, out: str) -> int:
    """Write the PDF of a draft; prints the page count (and the draft mark, if any)."""

    def write(report: Report, target: Path) -> str:
        from export.pdf import export_pdf  # ReportLab only when a PDF is wanted

        result = export_pdf(report, target)
        mark = f"（存在{result.errors}处校验错误，每页带“草稿”标记）" if result.errors else ""
        return f"：共 {result.pages} 页{mark}"

    return _export(path, out, write)


def run_export_html(path: str, out: str) -> int:
    """Write the web page of a draft (one self-contained .html file)."""

    def write(report: Report, target: Path) -> str:
        from export.html import export_html

        export_html(report, target)
        errors = len(check(report).errors)
        return f"（存在{errors}处校验错误，页首带“草稿”标记）" if errors else ""

    return _export(path, out, write)


def run_export_docx(path: str, out: str) -> int:
    """Write the Word copy of a draft (exit codes as export-pdf's)."""

    def write(report: Report, target: Path) -> str:
        from export.docx import export_docx  # python-docx only when a Word file is wanted

        errors = export_docx(report, target)
        return f"（存在{errors}处校验错误，页眉带“草稿”标记）" if errors else ""

    return _export(path, out, write)


def run_import(
    path: str, out: str, force: bool, agency: str | None = None, year: int | None = None
) -> int:
    """A published report (PDF, web page, .docx or text) into a draft file; says what it
    could not place, and stops when agency or year is neither in it nor given."""
    from models.importer import ImporterError, import_file

    target = Path(out)
    if target.exists() and not force:
        print(f"文件“{out}”已存在；如要覆盖请加 --force", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise ImporterError(f"--year 应为{MIN_YEAR}–{MAX_YEAR}之间的年度，实际为{year}")
        result = import_file(Path(path), agency=agency, year=year)
    except ImporterError as exc:  # damaged, too large, unreadable: the message names the file
        print(exc, file=sys.stderr)
        return EXIT_UNUSABLE
    if result.unsure:
        # Never a silent guess: the clerk says whose report, of which year.
        asked = {"agency": "机关名称（--agency）", "year": "报告年度（--year）"}
        print(
            f"原文中找不到可靠的{'和'.join(asked[w] for w in result.unsure)}，未导入。"
            "请核对原文后用这些选项给出，再导入一次",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    report = result.report
    print(f"{report.title}（{EDITION_TITLES[report.edition]}）")
    print(result.summary())
    for note in result.notes:
        print(f"· {note}")
    for line in result.unplaced_lines():
        print(f"  {line}")
    if not _write_draft(target, report):
        return EXIT_UNUSABLE
    print(f"已写入 {out}")
    return EXIT_OK
