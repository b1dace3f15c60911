"""The database symbol (docs/roles.md, "Shapes"): a cylinder is a store where words and place leave it open."""

from __future__ import annotations

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str, fmt: str = "mermaid", path: str = "d.mmd") -> dict[str, tuple[str, str]]:
    design = design_from(source, fmt, path)
    return {node_id: (a.role, a.how) for node_id, a in assign_roles(design).items()}


def test_a_cylinder_whose_words_say_nothing_is_a_store():
    roles = roles_of(
        """
        flowchart LR
          U[Customer] --> A[Orders Service] --> S[(User Sessions & Policies)]
          A --> O@{ shape: cyl, label: "Orders" }
          A --> P[Policies]
        """
    )
    assert roles["S"] == ("data_store", "shape")
    assert roles["O"] == ("data_store", "shape")
    assert roles["P"] == ("unknown", "unknown")  # the same words in a plain box stay open


def test_a_cylinder_keeps_what_its_words_and_place_say():
    roles = roles_of(
        """
        flowchart LR
          J[(Jira Data)] --> A[Agent API] --> V[(Vector index)]
          A --> M[("Milvus GPU<br/>Vector Database")]
          A --> L[(GPT-4o)]
        """
    )
    assert roles["J"] == ("data_source", "source")  # data where the flow starts enters the system
    assert roles["V"][0] == "retrieval"
    assert roles["M"] == ("retrieval", "label")  # a database on GPUs, not a place where things run
    assert roles["L"] == ("model_inference", "label")


def test_graphviz_cylinders_are_read_the_same_way():
    roles = roles_of(
        """
        digraph { api [label="Orders API"]; sessions [shape=cylinder]; api -> sessions }
        """,
        "dot",
        "d.dot",
    )
    assert roles["sessions"] == ("data_store", "shape")


def test_the_reason_names_the_symbol():
    design = design_from("flowchart LR\n  A[API] --> S[(Sessions)]\n", "mermaid", "d.mmd")
    assignment = assign_roles(design)["S"]
    assert (assignment.strength, assignment.reason) == ("structure", "structure: drawn as a cylinder, the symbol of a database")


def test_a_processor_drawn_as_a_cylinder_runs_things_and_stores_nothing():
    roles = roles_of(
        """
        flowchart LR
          S[Batch scheduler] --> G[(TPU)]
          S --> H[("H100 GPUs")]
          S --> C[(Queued jobs)]
        """
    )
    assert roles["G"][0] == "unknown"
    assert roles["H"][0] == "unknown"
    assert roles["C"] == ("data_store", "shape")  # a cylinder of no processor is still a store
