"""Shared fixtures: the five seed reports as published, transcribed in tests/fixtures.

Also the fuzz tests' length: a few deterministic examples in the suite, the full
count with HYPOTHESIS_PROFILE=fuzz (``make fuzz``); and in CI, a skipped test
fails the run unless its reason is one CI cannot help (``CI_ALLOWED_SKIPS``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Generator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from models.report import Report, from_json

FIXTURES = Path(__file__).parent / "fixtures"
SEED_IDS = ("000", "001", "002", "003", "004")

# Fuzz inputs are large and slow by design; no deadline (a hang shows in the
# statistics' runtimes and in the subprocess tests), no example database.
settings.register_profile(
    "fuzz",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
if FUZZING:
    settings.load_profile("fuzz")


def fuzz_examples(suite: int, fuzz: int) -> int:
    """Examples a fuzz test runs: ``suite`` in the normal suite, ``fuzz`` under make fuzz."""
    return fuzz if FUZZING else suite


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` as a clerk's command line runs it (its own process)."""
    return subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent.parent / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )


def load_seed(seed: str) -> Report:
    return from_json((FIXTURES / f"seed_{seed}.json").read_text(encoding="utf-8"))


def published_path(seed: str) -> Path:
    """The seed as published: text extracted from its PDF or Word file (../shared/seeds)."""
    (path,) = (FIXTURES / "published").glob(f"{seed}_*.txt")
    return path


@pytest.fixture(params=SEED_IDS)
def seed_report(request: pytest.FixtureRequest) -> Report:
    return load_seed(request.param)


# ---------------------------------------------------------------- skips in CI

# Tests CI cannot run, by their skip reason.  CI runs as root on Linux with every
# package `make test` installs, so any other skip there is a test silently lost
# (the importer tests once skipped whenever ../shared was missing).
CI_ALLOWED_SKIPS = frozenset(
    {
        "chmod does not stop this user from writing (root)",
    }
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def _fail_unexplained_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    if not (_in_ci() and report.skipped) or hasattr(report, "wasxfail"):
        return
    longrepr = report.longrepr
    reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
    reason = reason.removeprefix("Skipped: ")
    if reason in CI_ALLOWED_SKIPS:
        return
    report.outcome = "failed"
    report.longrepr = (
        f"skipped in CI: {reason}\n"
        "CI must run every test; if this one truly cannot run there, add its reason "
        "to CI_ALLOWED_SKIPS in tests/conftest.py"
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report: pytest.TestReport = yield
    _fail_unexplained_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report: pytest.CollectReport = yield
    _fail_unexplained_skip(report)
    return report
