"""What a sequence diagram's order says about the way data goes (docs/formats/mermaid.md, "Sequence diagrams").

A flowchart draws a request through a guard as a chain, ``API -> Guard -> LLM``; a sequence diagram draws
the same design as calls answered in turn: ``API->>Guard: check``, ``Guard-->>API: ok``, ``API->>LLM:
prompt``. Read arrow by arrow, ``API -> LLM`` goes round the guard, and every rule about what a request must
pass through would call a guard drawn this way bypassed. A reader follows the order instead: what a
participant sends after a call of its was answered, it sends as the one that answered let it through. So a
message sent while the sender's last call has been answered, and nothing else has reached it since, is read
as sent from the one that answered (``Guard -> LLM``): the chain a flowchart would draw. A message from
anyone the receiver did not call (new data: the person's request, a queue's event) starts afresh, and a
model's answer is itself an answer, so an input guard called before the model says nothing of what is sent
back to the person after the model answered. An answer goes on as what it carries: a gateway's reply made of
the API's, which passed the model's answer through an output guard, is read as the guard's. Only the
sequence front end's messages are read so
(``Edge.attrs["message"]``: their order in their diagram); the arrows of a flowchart are read as drawn.
"""

from __future__ import annotations

from aidlint.model import Design, Edge


def message_order(edge: Edge) -> int | None:
    """The message's number in its sequence diagram; None for an arrow of any other kind of diagram."""
    number = edge.attrs.get("message")
    return int(number) if number is not None and number.isdigit() else None


def senders_by_order(design: Design) -> dict[int, str]:
    """For each message sent after an answered call (by its index in ``design.edges``), the participant it is
    read as sent from: the last one that answered. Linear in the edges."""
    resent: dict[int, str] = {}
    called: dict[str, set[str]] = {}  # participant -> those it has sent a call to in this diagram
    answered: dict[str, str] = {}  # participant -> who answered its last call, while nothing else came since
    previous = -1
    for index, edge in enumerate(design.edges):
        order = message_order(edge)
        if order is None:
            continue
        if order <= previous:  # the next sequence diagram of a Markdown document, with its own order
            called, answered = {}, {}
        previous = order
        sender, receiver = edge.source, edge.target
        if sender == receiver:
            continue  # a participant's note to itself carries nothing between participants
        via = answered.get(sender)
        if via is not None and via != receiver:
            resent[index] = via
        if sender in called.get(receiver, ()):
            # The answer carries what its sender passed on: an API's reply made of the model's answer, which
            # an output guard it consulted let through, goes on as that guard's, past every tier it returns by.
            answered[receiver] = resent.get(index, sender)
        else:
            answered.pop(receiver, None)
            called.setdefault(sender, set()).add(receiver)
    return resent
