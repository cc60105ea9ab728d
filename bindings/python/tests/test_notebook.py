"""The example notebook runs top to bottom on the real timelines, and is stored without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "audit_timelines.ipynb"
TIMELINES = Path(__file__).resolve().parents[4] / "shared" / "data" / "timelines"


def test_notebook_is_stored_without_outputs() -> None:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


def test_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    matplotlib = pytest.importorskip("matplotlib")
    if not TIMELINES.is_dir():
        pytest.skip(f"{TIMELINES} is missing")
    matplotlib.use("Agg")
    monkeypatch.chdir(NOTEBOOK.parent)
    namespace: dict[str, object] = {}
    for cell in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{NOTEBOOK.name}:{cell['id']}", "exec"), namespace)
    posts, findings = namespace["posts"], namespace["findings"]
    assert len(posts) == len(namespace["tweets"]) > 5000  # type: ignore[arg-type]
    assert {"post", "schedule"} >= set(findings["kind"])  # type: ignore[index]
    assert "<mark" in namespace["report"]._repr_html_()  # type: ignore[attr-defined]
