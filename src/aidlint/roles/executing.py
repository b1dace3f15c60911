"""Running what a model wrote (docs/roles.md, "Running what the model wrote is a tool").

In a design that draws a model, a box whose head names only the act of executing, alone or with what is
run ("Execute", "SQL execution", "Validate + Execute", "execution<br>row limits · timeouts"), runs the
query, code or command the model produced against a database or an interpreter: the tool the model acts
through (benchmarks/data/roles/README.md, `tool_executor`), as "Code execution" already reads. Its detail
(limits, timeouts, an audit) says how it runs, not what it is. With no model drawn, such a step is a
step of a pipeline and keeps its reading.
"""

from __future__ import annotations

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import written_head
from aidlint.roles.vocabulary import Vocabulary

#: Readings the head's act outranks: nothing, a step, a record or message ("Execute query"), or a role read
#: from the detail only.
_WEAK = frozenset({"unknown", "step", "record", "message"})


def running_what_the_model_wrote(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    if not any(a.role == "model_inference" for a in roles.values()):
        return
    acts, things, checks = (vocabulary.words(t) for t in ("execution_words", "executed_things", "check_verbs_before_run"))
    for node in design.nodes:
        assignment = roles[node.id]
        if assignment.how not in _WEAK and not (assignment.in_detail or assignment.how == "label" and (assignment.matched or "").lower() in things):
            continue
        head = written_head(node)
        if head and set(head) & acts and set(head) <= acts | things | checks:
            roles[node.id] = RoleAssignment("tool_executor", "label", next(w for w in head if w in acts), tie_rule="running what the model wrote")
