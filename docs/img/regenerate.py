"""Regenerate the rendered samples in docs/img/: `python docs/img/regenerate.py` from the repository root.

Every sample gets its gap diagram as DOT and Mermaid (pinned byte for byte by
tests/render/test_samples_rendered.py, so they double as golden files); the samples written in the
aidlint DSL, and the Markdown design doc, also get a PNG for the README and docs/render.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
IMAGES = REPO / "docs" / "img"
TEXT_FORMATS = (".dot", ".mmd")
PNG_SAMPLES = ("chat_without_guardrails.aidl", "agent_with_open_tools.aidl", "classifier_release_without_gates.aidl",
               "feedback_straight_to_training.aidl", "filter_beside_the_path.aidl", "support_bot_design_doc.md")


def samples() -> list[Path]:
    return sorted(p for p in (REPO / "samples").iterdir() if p.suffix in (".aidl", ".dot", ".mmd", ".md"))


def targets(sample: Path) -> list[Path]:
    names = [IMAGES / f"{sample.name}{suffix}" for suffix in TEXT_FORMATS]
    if sample.name in PNG_SAMPLES:
        names.append(IMAGES / f"{sample.name}.png")
    return names


def main() -> int:
    from aidlint.cli import main as aidlint

    for sample in samples():
        for target in targets(sample):
            status = aidlint(["render", str(sample.relative_to(REPO)), "-o", str(target.relative_to(REPO))])
            if status != 0:
                print(f"{sample}: aidlint render exited {status}", file=sys.stderr)
                return status
    return 0


if __name__ == "__main__":
    import os

    os.chdir(REPO)
    sys.exit(main())
