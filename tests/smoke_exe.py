"""Smoke test of the built executable, alone, outside the source tree (``make exe-test``).

(a) ``--version``; (b) ``check`` and ``export-pdf`` on a seed draft give the same
issues and the same PDF text as the program run from source; (c) ``--selftest``
opens the window offscreen, loads the draft, makes its PDF and quits cleanly.
Prints one line per check and a closing "N passed, M failed".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_004.json"


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300
    )


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def main() -> int:
    (built,) = sorted((ROOT / "dist").glob("gov-info-report-*"))
    results: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        alone = Path(tmp)
        exe = alone / built.name
        shutil.copy2(built, exe)
        draft = alone / "draft.json"
        shutil.copy2(SEED, draft)
        source = [sys.executable, str(ROOT / "main.py")]

        version = run([str(exe), "--version"], alone)
        results.append(
            (
                "--version",
                version.returncode == 0 and "0." in version.stdout,
                version.stdout.strip(),
            )
        )

        ours, theirs = (
            run([str(exe), "check", str(draft)], alone),
            run([*source, "check", str(draft)], alone),
        )
        same = (ours.returncode, ours.stdout) == (theirs.returncode, theirs.stdout)
        results.append(
            (
                "check (same issues as from source)",
                same and ours.returncode == 1,
                ours.stdout.splitlines()[-1] if ours.stdout else ours.stderr,
            )
        )

        exe_pdf, src_pdf = alone / "exe.pdf", alone / "src.pdf"
        made = run([str(exe), "export-pdf", str(draft), str(exe_pdf)], alone)
        run([*source, "export-pdf", str(draft), str(src_pdf)], alone)
        same_pdf = (
            made.returncode == 0 and exe_pdf.exists() and pdf_text(exe_pdf) == pdf_text(src_pdf)
        )
        results.append(
            (
                "export-pdf (same PDF text as from source)",
                same_pdf,
                made.stdout.strip() or made.stderr.strip(),
            )
        )

        selftest = run([str(exe), "--selftest", str(draft)], alone)
        results.append(
            (
                "--selftest (window, draft, PDF, quit)",
                selftest.returncode == 0 and "自检通过" in selftest.stdout,
                selftest.stdout.strip().replace("\n", " / "),
            )
        )

        # Importing a published report needs what the readers bring (lxml, pdfium):
        # the PDF the executable printed, and a saved web page, read back as from source.
        page = ROOT / "tests" / "fixtures" / "import_formats" / "cms_2019_gb2312.html"
        for name, published in (("PDF", exe_pdf), ("web page", page)):
            exe_json, src_json = alone / f"exe-{name}.json", alone / f"src-{name}.json"
            read = run([str(exe), "import", str(published), "-o", str(exe_json)], alone)
            run([*source, "import", str(published), "-o", str(src_json)], alone)
            same_draft = (
                read.returncode == 0
                and exe_json.exists()
                and src_json.exists()
                and exe_json.read_text(encoding="utf-8") == src_json.read_text(encoding="utf-8")
            )
            results.append(
                (
                    f"import a {name} (same draft as from source)",
                    same_draft,
                    (read.stdout.strip() or read.stderr.strip()).replace("\n", " / ")[:160],
                )
            )

        bad = run([str(exe), "check", str(alone / "missing.json")], alone)
        results.append(
            (
                "bad file: message, no traceback",
                bad.returncode == 2
                and "找不到文件" in bad.stderr
                and "Traceback" not in bad.stderr,
                bad.stderr.strip(),
            )
        )

    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    passed = sum(ok for _n, ok, _d in results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
