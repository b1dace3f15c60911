"""benchmarks/accuracy.py scores findings against a reviewer's design labels, at a chosen severity."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from aidlint.model import Severity

from .helpers import load_benchmark

REPO = Path(__file__).resolve().parent.parent
design_accuracy = load_benchmark("accuracy.py", "design_accuracy")

# 'User Query' -> retrieval -> an OpenAI model -> 'Return Answer': FBK004 is a warning there, GOV001 info.
RAG = "explodinggradients__ragas/docs_howtos_applications_evaluate-and-improve-rag.md__mermaid01_L18.mmd"


def _labels(tmp_path: Path) -> Path:
    (tmp_path / "concepts.toml").write_text('user-reporting = ["FBK004"]\naudit = ["GOV001"]\n', encoding="utf-8")
    shutil.copy(REPO / "benchmarks" / "data" / "labels" / "RESERVED_REPOS.txt", tmp_path)
    label = {"file": RAG, "applicable": ["user-reporting", "audit"], "missing": ["user-reporting"], "ambiguous": []}
    (tmp_path / "rag.json").write_text(json.dumps(label), encoding="utf-8")
    return tmp_path


def test_any_severity_counts_by_default(tmp_path):
    report = design_accuracy.score(_labels(tmp_path), verbose=False)
    assert report["per_concept"]["user-reporting"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0}
    assert report["per_concept"]["audit"] == {"tp": 0, "fp": 1, "fn": 0, "precision": 0.0, "recall": 1.0}


def test_fail_on_leaves_out_findings_below_it(tmp_path):
    labels = _labels(tmp_path)
    warning = design_accuracy.score(labels, verbose=False, fail_on=Severity.warning)
    assert set(warning["per_concept"]) == {"user-reporting"}  # the info GOV001 no longer counts
    assert warning["overall"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0}
    error = design_accuracy.score(labels, verbose=False, fail_on=Severity.error)
    assert error["overall"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.0}


def test_a_labels_directory_can_keep_its_own_diagrams(tmp_path):
    """design_labels_round2 names diagrams relative to itself and borrows concepts.toml and RESERVED_REPOS.txt."""
    (tmp_path / "diagrams" / "owner__repo").mkdir(parents=True)
    (tmp_path / "diagrams" / "owner__repo" / "chat.mmd").write_text("flowchart LR\n  U[User] --> M[LLM]\n", encoding="utf-8")
    label = {"file": "diagrams/owner__repo/chat.mmd", "applicable": ["monitoring"], "missing": ["monitoring"], "ambiguous": []}
    (tmp_path / "chat.json").write_text(json.dumps(label), encoding="utf-8")
    report = design_accuracy.score(tmp_path, verbose=False)
    assert report["skipped"] == [] and report["unreadable"] == []
    assert report["per_concept"]["monitoring"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0}


def test_a_path_not_kept_in_the_labels_directory_is_read_from_the_vendored_corpus(tmp_path):
    from corpus_paths import REALWORLD, labels_file, locate

    assert locate(RAG, tmp_path) == (REALWORLD / RAG, "")
    assert labels_file(tmp_path, "concepts.toml") == REPO / "benchmarks" / "data" / "labels" / "concepts.toml"
    (tmp_path / "concepts.toml").write_text("", encoding="utf-8")
    assert labels_file(tmp_path, "concepts.toml") == tmp_path / "concepts.toml"
