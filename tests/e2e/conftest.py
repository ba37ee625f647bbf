"""Fixtures of the browser tests: one headless Chromium per test module (tests/e2e/serving.py)."""
from __future__ import annotations

import pytest

from serving import chromium


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b
