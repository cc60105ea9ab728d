"""Shared helpers: the repository's fixtures and the CLI built from the same sources."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "fixtures"


def fixture_files(kind: str) -> list[Path]:
    return sorted((FIXTURES / kind).glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `postlint` binary (built with cargo unless POSTLINT_CLI names one)."""
    if "POSTLINT_CLI" in os.environ:
        return Path(os.environ["POSTLINT_CLI"])
    subprocess.run(["cargo", "build", "--quiet", "-p", "postlint-cli"], cwd=REPO, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return target / "debug" / "postlint"
