"""List a diagram's nodes for labelling: ID, label, group and edges, with no inferred role.

Labellers of the role benchmark (benchmarks/data/roles/README.md) must not see aidlint's answer, so this
calls only the front ends: the IDs are aidlint's own node IDs, the roles are left to the reader.
``--skeleton`` prints a label file to fill in (every node set to "?").

    python benchmarks/roles_listing.py path/to/diagram.mmd [--skeleton]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aidlint.frontends import load_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
from roles_collect import split_of  # noqa: E402  (the split rule, beside this file)


def listing(path: str) -> list[dict]:
    """One entry per design of the file: nodes (id, label, group, declared role) and edges."""
    designs = []
    for design in load_file(path):
        groups = {group.id: group.label or group.id for group in design.groups}
        designs.append(
            {
                "design": design.name,
                "nodes": [
                    {
                        "id": node.id,
                        "label": node.label,
                        "group": groups.get(node.group) if node.group else None,
                        "declared": node.role,
                    }
                    for node in design.nodes
                ],
                "edges": [[edge.source, edge.target, edge.label] for edge in design.edges],
            }
        )
    return designs


def _one_line(text: str | None) -> str:
    return " ".join((text or "").replace("\\n", " ").split())


def print_listing(path: str) -> None:
    for design in listing(path):
        print(f"# {path} :: {design['design']}")
        for node in design["nodes"]:
            extra = f"  [in {_one_line(node['group'])}]" if node["group"] else ""
            declared = f"  (declared {node['declared']})" if node["declared"] else ""
            print(f"{node['id']!r:28} {_one_line(node['label'])}{extra}{declared}")
        for source, target, label in design["edges"]:
            print(f"  {source} -> {target}" + (f"  -- {_one_line(label)}" if label else ""))


def repository_of(path: str) -> str | None:
    """The repository a collected diagram comes from, by its folder (`diagrams/<owner>__<name>/...`)."""
    folder = Path(path).parent.name
    owner, sep, name = folder.partition("__")
    return f"{owner}/{name}" if sep and owner and name else None


def print_skeleton(path: str) -> None:
    # The split follows the repository (the hash rule of roles_collect.py); a skeleton that said "dev"
    # for every file had a labeller of a held-out repository correct it by hand.
    repo = repository_of(path)
    head = f'file = "{path}"\n' + (f'repo = "{repo}"\nsplit = "{split_of(repo)}"' if repo else 'split = "dev"')
    print(f"{head}\n\n[nodes]")
    for design in listing(path):
        for node in design["nodes"]:
            print(f"{json.dumps(node['id'])} = \"?\"  # {_one_line(node['label'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--skeleton", action="store_true", help="print a label file to fill in")
    args = parser.parse_args(argv)
    for path in args.paths:
        (print_skeleton if args.skeleton else print_listing)(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
