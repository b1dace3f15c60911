"""The one design model every front end produces and every check reads.

Front ends (DSL, DOT, Mermaid, Markdown) turn text into a :class:`Design`; the graph, the roles and the
rules only ever see this model, never a format. A :class:`Finding` carries everything a report needs
(location, witness, fix), so that terminal, JSON, SARIF and the gap diagram are pure renderings of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

#: The role taxonomy (docs/roles.md). A node's role is one of these, or ``unknown``.
ROLES: tuple[str, ...] = (
    "user",
    "api_gateway",
    "auth",
    "rate_limiter",
    "safety_filter",
    "model_inference",
    "application",
    "retrieval",
    "tool_executor",
    "feedback_collector",
    "data_store",
    "pii_scrubber",
    "human_review",
    "training_pipeline",
    "evaluation",
    "model_registry",
    "deployment_controller",
    "experimentation",
    "monitoring",
    "infra_monitoring",
    "alerting",
    "audit_log",
    "data_source",
)
UNKNOWN_ROLE = "unknown"

#: The kinds of design (docs/roles.md, "Kinds"): each rule runs only on the kinds it fits.
DESIGN_KINDS: tuple[str, ...] = ("serving", "ml-platform", "agent-workflow", "flowchart", "data-pipeline", "code-cicd")
#: How arrows are read: ``implied`` (a request arrow implies its response) or ``drawn`` (one-way flow).
RESPONSE_MODES: tuple[str, ...] = ("implied", "drawn")
#: The families of models a design serves (docs/roles.md, "Model families"): rules about generated content
#: run only where a model may generate it.
MODEL_FAMILIES: tuple[str, ...] = ("generative", "predictive")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The design's elements (Span, Node, Edge, Group) are plain slotted dataclasses, not pydantic models: a
# big file holds one of each per statement, and pydantic validating them cost more than reading the
# file (5.7 us an edge against Graphviz's 4 us for the whole parse, benchmarks/dot_parse.py). Only front
# ends make them, from text they have already checked. The pydantic models that hold them (Design,
# Suppression, Finding) check that each is an instance of its class and keep it as it is, and dump them
# as they dump models (the same keys in the same order), so JSON output does not change.


@dataclass(slots=True, frozen=True)
class Span:
    """A source range, 1-based lines and columns; ``end_col`` is exclusive."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(slots=True)
class Node:
    id: str
    label: str | None = None
    """The label as written (raw); ``None`` when the node has only an ID."""
    role: str | None = None
    """The role the author declared, if any; inference fills :attr:`inferred_role` later."""
    attrs: dict[str, str] = field(default_factory=dict)
    group: str | None = None
    """ID of the innermost group that contains the node."""
    span: Span | None = None
    role_class: str | None = None
    """When :attr:`role` comes from a class named like a role (Mermaid ``:::user``, ``class n user``; DOT
    ``class="user"``), that class: a drawing styled for people may name a class after a role by chance, and
    ``aidlint roles`` says which class declared it."""


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    label: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    span: Span | None = None


@dataclass(slots=True)
class Group:
    id: str
    label: str | None = None
    parent: str | None = None
    members: list[str] = field(default_factory=list)
    """IDs of the nodes declared directly in the group (not in its subgroups)."""
    attrs: dict[str, str] = field(default_factory=dict)
    span: Span | None = None


class Suppression(_Model):
    """``aidlint: ignore[RULE, ...] reason`` written in a comment.

    ``scope`` is ``"line"`` when the comment trails a statement (it silences findings located on that
    line or naming a node declared there) and ``"design"`` when the comment stands on its own line.
    """

    rule_ids: list[str]
    reason: str
    """Why the finding is acceptable; empty when the author gave none (reported as a warning)."""
    scope: str = "design"
    span: Span
    until: str | None = None
    """``until=YYYY-MM-DD``: the last day it silences anything (afterwards it says it has expired)."""


class Design(_Model):
    name: str
    path: str
    format: str
    profile: str | None = None
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    suppressions: list[Suppression] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    """Things the front end skipped on purpose (a sequence diagram in a Markdown doc, say)."""
    span: Span | None = None
    """Where the design starts (its header, or the first diagram of a document)."""
    kind: str | None = None
    """The kind the author set (``aidlint: kind=...`` or configuration); ``None``: aidlint reads it."""
    responses: str | None = None
    """``drawn`` when the author said arrows are a one-way flow; ``None``: decided by the kind."""
    models: str | None = None
    """The family of models the author set (``aidlint: models=...`` or configuration); ``None``: aidlint reads it."""
    embedded: list[tuple[int, int, str]] = Field(default_factory=list, exclude=True)
    """For a document holding diagrams (Markdown): (first line, last line, format) of each diagram, so
    that a suggestion for a node is written in the syntax of the diagram it is drawn in."""


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}


class GhostNode(_Model):
    """A node the fix adds: drawn dashed in the gap diagram."""

    id: str
    role: str
    label: str
    attrs: dict[str, str] = Field(default_factory=dict)


class GhostEdge(_Model):
    source: str
    target: str
    label: str | None = None
    attrs: dict[str, str] = Field(default_factory=dict)


class Fix(_Model):
    """What to add so the finding goes away: ghost nodes and edges, and edges they replace."""

    description: str
    nodes: list[GhostNode] = Field(default_factory=list)
    edges: list[GhostEdge] = Field(default_factory=list)
    replaces: list[tuple[str, str]] = Field(default_factory=list)
    """Existing edges the fix reroutes through a ghost node (``a -> b`` becomes ``a -> ghost -> b``)."""


class Finding(_Model):
    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    path: str
    line: int = 1
    col: int = 1
    end_line: int | None = None
    end_col: int | None = None
    design: str | None = None
    nodes: list[str] = Field(default_factory=list)
    """The design's nodes the finding is about (empty for a design-wide gap)."""
    witness: list[str] = Field(default_factory=list)
    """A shortest path, as node IDs, that shows the violation."""
    fix: Fix | None = None
    expected: list[str] = Field(default_factory=list)
    """For syntax findings: what the parser expected at the location."""
    source_line: str | None = None
    """The text of ``line``, so reports can show it with a caret without re-reading the file."""
    witness_spans: list[Span | None] = Field(default_factory=list)
    """Where each node of ``witness`` is declared (SARIF's related locations link them)."""
    fingerprint: str | None = None
    """Stable across runs and unrelated edits (reports/fingerprint.py); set once a run's findings are known."""

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.rule_id, self.message)
