"""The registry of check kinds: each kind is one module holding its spec and its evaluation.

As import-linter does with contract types, a kind is a class registered under the name rule files use
(``check = { kind = "must-reach", ... }``). The class is the pydantic model of the ``check`` table and
its ``evaluate`` method is the linear-time search; what is special about a kind (who reports it,
whether users may declare it, whether findings can be suppressed) is class metadata, never a rule ID.

Adding a kind: write ``checks/<name>.py`` with a ``@register``-ed subclass of ``CheckKind`` and list
the module in ``KIND_MODULES`` (docs/architecture.md walks through it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, ClassVar, Literal, get_args

from pydantic import field_validator

from aidlint.rules.selectors import SpecModel, check_selectors

if TYPE_CHECKING:
    from aidlint.rules.search import DesignContext, Violation

#: Modules of aidlint.rules.checks that define kinds; the order is the order of the docs' listing.
KIND_MODULES = (
    "must_pass_through",
    "must_reach",
    "some_path_through",
    "edge_exists",
    "requires_role",
    "role_known",
    "declared_role_valid",
    "syntax",
    "suppressions_used",
    "suppressions_reasoned",
    "suppressions_current",
    "any_of",
)

_REGISTRY: dict[str, type["CheckKind"]] = {}


class CheckKind(SpecModel):
    """One kind of check: the fields of its ``check`` table, and how it is evaluated."""

    kind: str

    reported_by: ClassVar[Literal["engine", "front ends", "runner"]] = "engine"
    """``engine``: ``evaluate`` runs per design. Otherwise the findings come from the front ends
    (a file that cannot be read) or from the runner (once every other rule's findings are known)."""
    user_declarable: ClassVar[bool] = True
    """Whether users' rule files may declare a rule of this kind (the built-in pack always may)."""
    suppressible: ClassVar[bool] = True
    """Whether an ``aidlint: ignore[...]`` comment can silence its findings."""
    always_on: ClassVar[bool] = False
    """Active under every profile and selection, at the severity the rule declares (no override)."""

    def evaluate(self, context: "DesignContext") -> list["Violation"]:
        """The violations in ``context``'s design, in time linear in its nodes plus edges."""
        return []

    def always_names_a_node(self) -> bool:
        """Whether every violation names the node it is about (a fix may then refer to ``@subject``)."""
        return False

    def always_has_a_witness(self) -> bool:
        """Whether every violation carries a witness path (a fix may then use ``@first``/``@last``)."""
        return False


class PathCheck(CheckKind):
    """A kind that searches paths between roles; ``paths = "serving"`` avoids the lifecycle side."""

    paths: Literal["all", "serving"] = "all"
    """``serving``: paths that avoid the lifecycle side (training, evaluation, release, review, ...)."""

    @field_validator("source", "target", "through", "via", check_fields=False)
    @classmethod
    def _roles_exist(cls, selectors: list) -> list:
        return check_selectors(selectors)


def register(kind_class: type[CheckKind]) -> type[CheckKind]:
    """Class decorator: make ``kind_class`` available under the name of its ``kind`` literal."""
    (name,) = get_args(kind_class.model_fields["kind"].annotation)
    _REGISTRY[name] = kind_class
    return kind_class


def check_kinds() -> dict[str, type[CheckKind]]:
    """Every registered kind by name, in ``KIND_MODULES`` order."""
    if len(_REGISTRY) < len(KIND_MODULES):
        for module in KIND_MODULES:
            import_module(f"{__name__}.{module}")
    return _REGISTRY
