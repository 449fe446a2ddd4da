"""Shared fixtures: the five seed reports as published, transcribed in tests/fixtures.

Also the fuzz tests' length: a few deterministic examples in the suite, the full
count with HYPOTHESIS_PROFILE=fuzz (``make fuzz``).
"""

from __future__ import annotations

import os
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


def load_seed(seed: str) -> Report:
    return from_json((FIXTURES / f"seed_{seed}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=SEED_IDS)
def seed_report(request: pytest.FixtureRequest) -> Report:
    return load_seed(request.param)
