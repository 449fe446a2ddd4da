"""Entry point: the window by default, or a command-line verb (cli.py).

python main.py                      open the window
python main.py DRAFT.json           open the window with that draft
python main.py check DRAFT.json     print every issue (exit 1 if errors)
python main.py new --agency 名称 --year 2024 -o DRAFT.json
python main.py --version
"""

from __future__ import annotations

import sys

from cli import build_parser, run_command


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
    if args.command is not None:
        return run_command(args)
    from gui.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
