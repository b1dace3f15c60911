"""What serves a model and what only stands beside it, read from the drawing around a box (docs/roles.md).

An API named after serving ("Predictions API") in front of a drawn model exposes it; a router that sends
traffic to versions of one model ("Champion model", "Challenger model") splits traffic for an experiment.
A gateway for models or tools is the gateway in front of them where they are drawn behind it, and stands
for them where it feeds none. All run after the words of every box are read (infer.py).
"""

from __future__ import annotations

from collections import deque
from functools import cache

from aidlint.model import Design
from aidlint.roles.assignment import RoleAssignment
from aidlint.roles.reading import head_words, written_head
from aidlint.roles.vocabulary import Vocabulary, tokenize

#: What a gateway passes a request through on its way to what it fronts: its own checks and routes, and
#: code that adapts the request to a provider ("LLM Gateway -> Provider adapters -> OpenAI").
_GATEWAY_PARTS = frozenset({"api_gateway", "auth", "rate_limiter", "application"})


def apis_beside_models(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """An API named after what serving a model does ("Predictions API", "Scoring endpoint":
    `terms.serving_acts`) next to a model the drawing names by its own words is the application that
    exposes that model ("Model serving -> Predictions API"); with no model beside it, it runs the model."""
    acts = vocabulary.words("serving_acts")
    apis = vocabulary.words("api_words")
    named_after_act = {
        node.id
        for node in design.nodes
        if (a := roles[node.id]).role == "model_inference" and a.how == "label" and not a.in_detail
        and (a.matched or "").lower() in acts and (head := head_words(node)) and head[-1] in apis
    }
    if not named_after_act:
        return
    drawn = {n for n, a in roles.items() if a.role == "model_inference" and a.how in ("declared", "config", "label", "id")} - named_after_act
    beside_model = {e.source for e in design.edges if e.target in drawn} | {e.target for e in design.edges if e.source in drawn}
    for node_id in sorted(named_after_act & beside_model):
        roles[node_id] = RoleAssignment("application", "position", "an API beside a drawn model exposes it")


def traffic_splits(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """A router that sends traffic to two or more served models, one of them named as a version under test
    ("Champion model", "Challenger", "Variant B": `terms.tested_versions`), splits traffic between versions:
    the experiment, whatever product it is built on ("KServe router"). A router between different models
    ("Request router -> Agno agent, Chat agent") picks a model per request and keeps its words."""
    routers = vocabulary.words("router_words")
    versions = vocabulary.words("tested_versions")
    served: dict[str, list[str]] = {}
    for edge in design.edges:
        if roles[edge.target].role == "model_inference":
            served.setdefault(edge.source, []).append(edge.target)
    labels = {n.id: n for n in design.nodes}
    for source, models in served.items():
        assignment = roles[source]
        if len(set(models)) < 2 or assignment.how in ("declared", "config"):
            continue
        head = head_words(labels[source])
        if not head or head[-1] not in routers:
            continue
        named = {word for m in models for word in head_words(labels[m])}
        if named & versions:
            roles[source] = RoleAssignment("experimentation", "position", "a router that splits traffic between versions of a model")


def gateways_by_what_they_front(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """A gateway for models ("LLM Gateway", "Model proxy", LiteLLM: `terms.model_gateway_products`) or
    tools ("MCP gateway") is the gateway where the drawing puts models or tools behind it, at once or past
    the gateway's own checks (auth, rate limits, routes) and the code adapting requests to a provider;
    where it is called and feeds none, it is all the drawing shows of them and stands for them ("Domain
    Agent -> LLM Gateway -> Output Policy" calls a model). A gateway no arrow reaches is a resource being
    configured, and keeps its words; so does one whose surroundings are too large to tell within
    `_LOOK_AHEAD` arrows."""
    gateways, ml, tools = vocabulary.words("gateway_words"), vocabulary.words("ml_words"), vocabulary.words("tool_gateway_words")
    products = vocabulary.words("model_gateway_products")
    after: dict[str, list[str]] = {}
    before: dict[str, set[str]] = {}
    for edge in design.edges:  # in drawing order, so that where the look-ahead stops is the same every run
        after.setdefault(edge.source, []).append(edge.target)
        before.setdefault(edge.target, set()).add(edge.source)
    for node in design.nodes:
        assignment = roles[node.id]
        if assignment.how not in ("label", "id") or node.id not in before:
            continue
        head = written_head(node)
        fronted = None
        if assignment.role == "api_gateway" and len(head) > 1 and head[-1] in gateways:
            fronted = "model_inference" if head[-2] in ml else "tool_executor" if head[-2] in tools else None
        elif assignment.role == "model_inference" and (assignment.matched or "").lower() in products:
            fronted = "model_inference"
        if fronted is None:
            continue
        found = _fronts(node.id, fronted, after, roles, before[node.id])
        if found is True:
            if assignment.role != "api_gateway":
                roles[node.id] = RoleAssignment("api_gateway", "position", f"a gateway in front of a drawn {fronted}")
        elif found is False and assignment.role == "api_gateway" and not _built_with(node, vocabulary):
            roles[node.id] = RoleAssignment(fronted, "position", "a gateway that fronts nothing drawn stands for what it fronts")


def _built_with(node, vocabulary: Vocabulary) -> bool:
    """Whether the label's detail names nothing but what the gateway is built with, a web framework or a
    gateway product ("Model Gateway<br/>FastAPI", "Model gateway (LiteLLM)"): a component drawn as such is
    the gateway itself, not a stand-in for the models behind it, as a bare "LLM Gateway" is; a detail naming
    the model behind it ("LiteLLM → llama.cpp") keeps the stand-in (docs/roles.md)."""
    detail = [t.text.lower() for t in tokenize(node.label or "", compounds=True) if not t.in_main]
    names = _joined(vocabulary.words("web_frameworks") | vocabulary.words("model_gateway_products"))
    at = 0
    while at < len(detail):  # the detail read as one known name after another, however split ("Fast API")
        step = next((k for k in range(1, len(detail) - at + 1) if "".join(detail[at : at + k]) in names), 0)
        if not step:
            return False
        at += step
    return bool(detail)


@cache
def _joined(names: frozenset[str]) -> frozenset[str]:
    """Each name with its spaces and punctuation left out, as a split detail ("Fast API") is joined again."""
    return frozenset("".join(ch for ch in name if ch.isalnum()) for name in names)


#: How many arrows past a gateway are looked at for what it fronts. A reader finds it within a few boxes
#: (on the role benchmark's 488 diagrams the look never passes 13 arrows); the bound keeps the reading
#: linear where gateways feed gateways in a long chain (benchmarks/hostile_inputs.py, "chain of N model
#: gateways": quadratic without it).
_LOOK_AHEAD = 64


def _fronts(start: str, fronted: str, after: dict[str, list[str]], roles: dict[str, RoleAssignment], callers: set[str]) -> bool | None:
    """Whether ``start`` feeds a box of the role ``fronted``, at once or through the gateway's own checks,
    routes and adapters, nearest first and not back through its callers (an answer drawn back to the agent
    that asked); None when `_LOOK_AHEAD` arrows were looked at without an answer."""
    seen, todo, looked = {start} | callers, deque([start]), 0
    while todo:
        for target in after.get(todo.popleft(), ()):
            looked += 1
            if looked > _LOOK_AHEAD:
                return None
            if target in seen:
                continue
            seen.add(target)
            role = roles[target].role
            if role == fronted:
                return True
            if role in _GATEWAY_PARTS:
                todo.append(target)
    return False


def tools_behind_tool_callers(design: Design, roles: dict[str, RoleAssignment], vocabulary: Vocabulary) -> None:
    """What a tool gateway or a tool protocol's client calls ("MCP Gateway", "MCP Client":
    `terms.tool_gateway_words` before `terms.tool_callers`) is one of the tools
    it reaches when its own words name no role ("Trading Adapters", "ERP Adapter") or tie with a tool
    ("Alert / Approval Tools"): benchmarks/data/roles/README.md, "the servers, adapters and functions
    behind them are tool_executor". Only boxes it feeds at once; what its words name stays otherwise. A
    "Tool Router" is no such caller: it picks a tool, and what it feeds may be a filter or the model."""
    tools, ends = vocabulary.words("tool_gateway_words"), vocabulary.words("tool_callers")
    callers = set()
    for node in design.nodes:
        head = written_head(node)
        if len(head) > 1 and head[-1] in ends and head[-2] in tools:
            callers.add(node.id)
    labels = {node.id: node for node in design.nodes}
    behind = vocabulary.words("behind_tool_callers")
    for edge in design.edges:
        target = roles[edge.target]
        # "IoT Adapter", "Forecasting Adapter", "Pricing functions": a head that ends in what the guidelines name
        # behind a tool client (`terms.behind_tool_callers`) is that adapter or server, whatever it adapts.
        named_behind = target.how == "label" and (head := written_head(labels[edge.target])) and head[-1].lower() in behind
        if edge.source in callers and edge.target not in callers and (
            target.how == "unknown" or (target.how == "label" and "tool_executor" in target.ambiguous_with) or named_behind
        ):
            roles[edge.target] = RoleAssignment("tool_executor", "position", f"a tool that {edge.source} calls")
