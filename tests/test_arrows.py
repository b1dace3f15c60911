"""Arrows as a reader takes them: two-headed arrows go both ways; a request implies its response."""

from __future__ import annotations

from aidlint.model import Severity

from .helpers import check


def rules_of(findings) -> list[str]:
    return sorted({f.rule_id for f in findings if f.rule_id in ("SAF001", "SAF002")})


def test_a_two_headed_arrow_goes_both_ways_in_mermaid_and_dot():
    mermaid = "flowchart LR\n  u[Customer] <--> g[Moderation] --> m[Chat LLM]\n  m --> g\n"
    assert rules_of(check(mermaid, fmt="mermaid", path="d.mmd")) == []
    dot = 'digraph { u [label="Customer"]; m [label="Chat LLM"]; u -> m [dir=both] }'
    assert rules_of(check(dot, fmt="dot", path="d.dot")) == ["SAF001", "SAF002"]


def test_a_request_path_that_stops_at_the_model_implies_the_response_and_says_so():
    findings = [f for f in check('u "Customer"\napi "Orders API"\nm "Chat LLM"\nu -> api -> m\n') if f.rule_id == "SAF002"]
    assert [(f.severity, f.witness) for f in findings] == [(Severity.info, ["m", "api", "u"])]
    assert "the way back is implied by the request arrows" in findings[0].message


def test_an_input_filter_is_not_on_the_implied_way_back():
    source = 'u "Customer"\ng "Prompt injection filter"\nm "Chat LLM"\nu -> g -> m\n'
    assert [f.witness for f in check(source) if f.rule_id == "SAF002"] == [["m", "u"]]


def test_no_response_is_implied_where_the_drawing_shows_where_output_goes_or_the_flow_is_one_way():
    drawn_back = 'u "Customer"\nm "Chat LLM"\nu -> m -> u\n'
    assert [f.witness for f in check(drawn_back) if f.rule_id == "SAF002"] == [["m", "u"]]
    to_a_store = 'u "Customer"\nm "Chat LLM"\ndb "Results table"\nu -> m -> db\n'
    assert rules_of(check(to_a_store)) == ["SAF001"]
    one_way = '# aidlint: responses=drawn\nu "Customer"\nm "Chat LLM"\nu -> m\n'
    assert rules_of(check(one_way)) == ["SAF001"]


def test_implied_responses_of_repeated_edges_and_two_input_filters():
    from aidlint.roles.infer import assign_roles
    from aidlint.roles.kinds import classify_design
    from aidlint.roles.vocabulary import load_vocabulary
    from aidlint.rules.responses import drawn_edges, implied_responses

    from .helpers import design_from

    # The same request edge drawn many times (as a Markdown document of many diagrams merges them).
    source = 'u "Customer"\ng "Prompt injection filter"\nh "Jailbreak detector"\nm "Chat LLM"\n'
    source += "u -> g\nu -> h\ng -> m\nh -> m\n" + "u -> g\n" * 300
    design = design_from(source)
    vocabulary = load_vocabulary()
    roles = assign_roles(design, vocabulary)
    drawn = drawn_edges(design)
    kind = classify_design(design, roles, vocabulary).kind
    assert implied_responses(design, roles, kind, vocabulary, drawn) == [("m", "u")]
    assert [f.witness for f in check(source) if f.rule_id == "SAF002"] == [["m", "u"]]
