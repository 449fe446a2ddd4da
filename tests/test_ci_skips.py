"""In CI a skipped test fails the run, unless its reason is in CI_ALLOWED_SKIPS."""

from __future__ import annotations

import pytest

from tests.conftest import CI_ALLOWED_SKIPS

pytest_plugins = ["pytester"]

ALLOWED = next(iter(sorted(CI_ALLOWED_SKIPS)))

# The hooks under test, as a conftest of the inner run.
CONFTEST = "from tests.conftest import pytest_make_collect_report, pytest_runtest_makereport\n"

TESTS = f"""
import pytest

def test_runs():
    pass

def test_skips_without_saying_why_ci_cannot_run_it():
    pytest.skip("../shared/seeds not beside the project")

@pytest.mark.skipif(True, reason="needs a screen")
def test_skipped_by_mark():
    pass

def test_skips_for_an_allowed_reason():
    pytest.skip({ALLOWED!r})

@pytest.mark.xfail(reason="a known fault, recorded", strict=True)
def test_expected_failure():
    assert False
"""


def _run(pytester: pytest.Pytester) -> pytest.RunResult:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_example=TESTS)
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", "-rA")


def test_outside_ci_a_skip_is_a_skip(pytester: pytest.Pytester, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CI", raising=False)
    _run(pytester).assert_outcomes(passed=1, skipped=3, xfailed=1)


def test_in_ci_only_allowed_skips_pass(pytester: pytest.Pytester, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CI", "true")
    result = _run(pytester)
    # A skip mark acts at setup, so that one shows as an error: either fails the run.
    result.assert_outcomes(passed=1, failed=1, errors=1, skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(
        [
            "*skipped in CI: ../shared/seeds not beside the project*",
            "*skipped in CI: needs a screen*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_in_ci_a_module_skipped_whole_fails(pytester: pytest.Pytester, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CI", "true")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        test_gone="import pytest\npytest.importorskip('no_such_module_here')\n"
        "def test_never():\n    pass\n"
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*skipped in CI*no_such_module_here*"])
    assert result.ret != pytest.ExitCode.OK
