"""Shared fixtures: the five seed reports as published, transcribed in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.report import Report, from_json

FIXTURES = Path(__file__).parent / "fixtures"
SEED_IDS = ("000", "001", "002", "003", "004")


def load_seed(seed: str) -> Report:
    return from_json((FIXTURES / f"seed_{seed}.json").read_text(encoding="utf-8"))


@pytest.fixture(params=SEED_IDS)
def seed_report(request: pytest.FixtureRequest) -> Report:
    return load_seed(request.param)
