"""The `.pyi` stubs describe the compiled module, and the package passes mypy and ruff."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=PACKAGE, capture_output=True, text=True)


def test_stubs_match_the_module() -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy.stubtest", "postlint._postlint")
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_type_checks() -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy", "--strict", "python/postlint")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_is_clean() -> None:
    for command in (["ruff", "check", "."], ["ruff", "format", "--check", "."]):
        result = run(*command)
        assert result.returncode == 0, result.stdout + result.stderr
