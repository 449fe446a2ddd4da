"""Entry point: the window by default, or a command-line verb.

python main.py                      open the window
python main.py check DRAFT.json     print every issue (exit 1 if errors)
python main.py new --agency 名称 --year 2024 -o DRAFT.json
python main.py --version
"""

from __future__ import annotations

import argparse
import sys

from models import APP_NAME, APP_VERSION

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
argparse._ = lambda text: _ARGPARSE_WORDS.get(text, text)  # type: ignore[attr-defined]


class _ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
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
    p_import = sub.add_parser("import", help="把已发布的报告（.txt 或 .docx）读成报告草稿")
    p_import.add_argument(
        "source",
        metavar="已发布的报告",
        help="已发布的报告：网页或PDF复制出的文字（.txt），或 .docx",
    )
    p_import.add_argument(
        "-o", "--output", required=True, metavar="草稿", help="输出的报告草稿（.json）"
    )
    p_import.add_argument("--force", action="store_true", help="覆盖已有文件")
    p_pdf = sub.add_parser("export-pdf", help="把报告草稿导出为可打印的 PDF")
    p_pdf.add_argument("draft", metavar="草稿", help="报告草稿（.json）")
    p_pdf.add_argument("output", metavar="PDF文件", help="输出的 PDF 文件")
    return parser


def _attach_console() -> None:
    """A windowed Windows build has no console; borrow the one it was started from."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")
        sys.stderr = sys.stdout


def main(argv: list[str] | None = None) -> int:
    args_given = sys.argv[1:] if argv is None else argv
    if len(args_given) == 1 and args_given[0].lower().endswith(".json"):
        # A draft file opened with the program (double click, "Open with"):
        # the window imports and opens it; the command line verbs are not meant.
        from gui.app import run_gui

        return run_gui([sys.argv[0], args_given[0]])
    if args_given:
        _attach_console()
    # Chinese on any console, even a Windows code page that lacks a character.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    if args.startup_probe:
        from gui.selftest import run_startup_probe

        return run_startup_probe()
    if args.selftest is not None:
        from gui.selftest import run_selftest

        return run_selftest(args.selftest or None)
    if args.command == "check":
        from models.commands import run_check

        return run_check(args.draft, args.previous)
    if args.command == "new":
        from models.commands import run_new

        return run_new(args.agency, args.year, args.output, args.edition, args.force)
    if args.command == "import":
        from models.commands import run_import

        return run_import(args.source, args.output, args.force)
    if args.command == "export-pdf":
        from models.commands import run_export_pdf

        return run_export_pdf(args.draft, args.output)
    from gui.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
