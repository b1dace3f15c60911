"""The ends of the flow: where the person is although no box names one (docs/roles.md)."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, tuple[str, str]]:
    return {node: (a.role, a.how) for node, a in assign_roles(design_from(source)).items()}


@pytest.mark.parametrize(
    "start, end, end_how",
    [
        ("Support Agent Question", "Short Answer", "payload"),  # the answer says only which message it is
        ("Pager-duty Question", "Spoken reply", "message"),  # an alerting word does not make the question an alert
        ("Microphone Audio", "Speaker Audio", "message"),
        ("Voice", "Streaming<br>Chat Reply", "message"),
    ],
)
def test_a_persons_message_and_answer_are_the_person_at_the_ends(start, end, end_how):
    roles = roles_of(f'q "{start}"\nllm "LLM"\na "{end}"\nq -> llm -> a\n')
    assert roles["q"] == ("user", "message")
    assert roles["a"] == ("user", end_how)


@pytest.mark.parametrize(
    "start, end", [("Query", "Final answer"), ("Incoming request", "Response"), ("Prompt", "Generated reply"), ("Question", "Return answer")]
)
def test_a_bare_message_at_an_end_is_the_user_standing_in_for_a_person_not_drawn(start, end):
    design = design_from(f'q "{start}"\nllm "LLM"\na "{end}"\nq -> llm -> a\n')
    roles = assign_roles(design)
    assert [(roles[n].role, roles[n].how, roles[n].strength) for n in ("q", "a")] == [("user", "payload", "position")] * 2
    assert roles["q"].reason.endswith("stands in for a person the drawing leaves out (rules about people drawn do not count it)")


@pytest.mark.parametrize("label", ["Field technician question", "Chat", "Microphone Audio", "Speech", "Voice<br>question"])
def test_a_message_that_says_whose_it_is_or_how_it_comes_is_a_person_drawn(label):
    roles = roles_of(f'q "{label}"\nllm "LLM"\nq -> llm\n')
    assert roles["q"] == ("user", "message")


def test_an_answer_drawn_back_to_the_start_leaves_it_the_start():
    roles = roles_of('q "Field technician question"\napi "Orders API"\nllm "LLM"\nq -> api -> llm\napi -> q\nllm -> api\n')
    assert roles["q"] == ("user", "message")
    assert roles["llm"][0] == "model_inference"  # called and answering: its words decide


@pytest.mark.parametrize("label", ["Azure OpenAI<br/>Chat", "GPT-4o chat"])
def test_a_model_named_before_chat_where_the_flow_ends_is_its_chat_api_not_a_message(label):
    roles = roles_of(f'u "Customer"\napi "Orders API"\nm "{label}"\nu -> api -> m\n')
    assert roles["m"] == ("model_inference", "label")


def test_a_message_in_the_middle_of_the_flow_is_not_the_person():
    roles = roles_of('u "Customer"\nq "Voice"\nllm "LLM"\nu -> q -> llm -> u\n')
    assert roles["q"][0] == "unknown"


@pytest.mark.parametrize("label", ["Post to Teams", "Send via email to customer", "Notify shopper in app", "Display on kiosk"])
def test_a_step_that_delivers_where_the_flow_ends_is_the_person(label):
    roles = roles_of(f'u "Customer"\nllm "LLM"\nd "{label}"\nu -> llm -> d\n')
    assert roles["d"] == ("user", "position")


@pytest.mark.parametrize(
    "label",
    [
        "Post-process",  # one hyphenated word, not a post
        "Send to Kafka topic",  # a store gets it
        "Notify on-call pager",  # an alert
        "Display error",  # an outcome
    ],
)
def test_steps_that_deliver_nothing_to_a_person_are_not_the_person(label):
    roles = roles_of(f'u "Customer"\nllm "LLM"\nd "{label}"\nu -> llm -> d\n')
    assert roles["d"][0] != "user"


@pytest.mark.parametrize("label", ["Return ranked list", "Return summary + sources"])
def test_a_return_where_a_flow_a_person_starts_ends_returns_to_that_person(label):
    roles = roles_of(f'u "Customer"\nllm "LLM"\nd "{label}"\nu -> llm -> d\n')
    assert roles["d"] == ("user", "position")


def test_a_return_handed_back_to_the_person_where_the_flow_starts_is_their_end():
    roles = roles_of('q "Shopper question"\nllm "LLM"\nd "Return matches"\nq -> llm -> d -> q\n')
    assert roles["d"] == ("user", "position")


def test_a_return_in_a_flow_no_person_starts_returns_to_the_calling_code():
    roles = roles_of('j "Nightly batch job"\nllm "LLM"\nd "Return ranked list"\nj -> llm -> d\n')
    assert roles["d"][0] == "unknown"


def test_only_an_unread_step_handed_back_to_the_person_is_their_end():
    roles = roles_of('q "Shopper question"\nllm "Reply generator LLM"\nq -> llm -> q\n')
    assert roles["llm"][0] == "model_inference"


def test_start_and_end_markers_are_not_where_the_flow_starts_or_ends():
    roles = roles_of('s "Start"\nq "Field technician question"\nllm "LLM"\np "Post to Slack"\ne "End"\ns -> q -> llm -> p -> e\n')
    assert roles["q"] == ("user", "message")
    assert roles["p"] == ("user", "position")
    assert roles["s"][0] == roles["e"][0] == "unknown"


def test_an_outcome_where_the_flow_ends_is_no_person():
    roles = roles_of('u "Customer"\nllm "LLM"\ne "Return friendly error"\nu -> llm -> e\n')
    assert roles["e"][0] == "unknown"


def test_records_and_code_identifiers_stay_records_at_the_ends():
    roles = roles_of('g "Guard"\nr "guard.output"\ng -> r\n')
    assert roles["r"] == ("unknown", "record")


@pytest.mark.parametrize("label", ["Voice pipeline agent", "Audio mixing service"])
def test_a_component_that_mentions_a_message_is_no_person_at_an_end(label):
    roles = roles_of(f'u "Customer"\nllm "LLM"\nc "{label}"\nu -> llm -> c\n')
    assert roles["c"][0] == "application"


@pytest.mark.parametrize(("label", "role"), [("Response parser", "application"), ("Prompt engine", "application"), ("Request 7", "user"), ("Final answer", "user")])
def test_a_component_named_after_a_message_is_no_person(label, role):
    roles = roles_of(f'llm "LLM"\nc "{label}"\nllm -> c\n') if role == "application" else roles_of(f'c "{label}"\nllm "LLM"\nc -> llm\n')
    assert roles["c"][0] == role


@pytest.mark.parametrize("label", ["Request ID Middleware", "Order query service", "Chat pipeline", "Prompt module"])
def test_a_component_noun_after_a_message_word_names_the_component_in_the_middle_of_the_flow(label):
    roles = roles_of(f'u "Customer"\napi "Backend"\nc "{label}"\nllm "LLM"\nu -> api -> c -> llm\n')
    assert roles["c"][0] == "application"


@pytest.mark.parametrize("label", ["Chat Backend", "Query API", "Request Backend", "Answer app", "Query Endpoint"])
def test_a_program_noun_after_a_message_word_names_the_program_at_an_end_or_in_the_middle(label):
    # A backend, API, server, app or endpoint named after the message it handles is that program, not the message.
    for tail in ("", "\nllm \"LLM\"\nc -> llm"):
        roles = roles_of(f'u "Customer"\nui "Web UI"\nc "{label}"\nu -> ui -> c{tail}\n')
        assert roles["c"][0] == "application"


@pytest.mark.parametrize("label", ["Prompt Engine<br>Advanced prompts", "Query Router<br>picks_a_route"])
def test_a_component_named_after_a_message_is_no_person_whatever_its_detail(label):
    roles = roles_of(f'u "Customer"\napi "Backend"\nc "{label}"\nu -> api -> c\n')
    assert roles["c"][0] != "user" and roles["c"][1] != "message"


@pytest.mark.parametrize("label", ["Git pull request", "Merge request"])
def test_a_change_to_code_where_a_flow_starts_is_no_person(label):
    source = f'flowchart LR\n  g["{label}"] --> k["Kubeflow Pipelines"] --> t["Train model"]\n'
    design = design_from(source, "mermaid", "d.mmd")
    assignment = assign_roles(design)["g"]
    assert (assignment.role, assignment.reason) == ("unknown", f"unknown: a change to code ({label.lower()}), not a person's message")


@pytest.mark.parametrize("start, how", [("Scoring requests", "message"), ("Incoming questions", "payload"), ("Support queries", "message")])
def test_a_plural_message_where_the_flow_starts_is_the_person(start, how):
    # "Scoring" alone would make the box the model: the plural message ends the head, so it is what people send.
    # "Incoming questions" says only which messages they are: a bare message, standing in for the person.
    roles = roles_of(f'q "{start}"\ng "Input validation"\nllm "Ranker model"\nq -> g -> llm\n')
    assert roles["q"] == ("user", how)
    assert roles["llm"][0] == "model_inference"


@pytest.mark.parametrize("label", ["React Dashboard", "React 18 + Vite + TS", "Vue.js app"])
def test_a_front_end_framework_where_the_flow_starts_is_the_users_end(label):
    roles = roles_of(f'c "{label}"\napi "Backend API"\nllm "LLM"\nc -> api -> llm\n')
    assert roles["c"][0] == "user"


def test_the_react_pattern_of_agents_is_no_front_end():
    roles = roles_of('u "User"\na "ReAct Agent"\nllm "LLM"\nu -> a -> llm\n')
    assert roles["a"][0] != "user"


@pytest.mark.parametrize("label", ["Web Dashboard", "Results tab", "Summary screen"])
def test_a_screen_where_the_flow_ends_is_where_the_person_looks(label):
    roles = roles_of(f'j "Report builder"\nllm "LLM"\ns "{label}"\nj -> llm -> s\n')
    assert roles["s"] == ("user", "position")


def test_a_screen_where_the_flow_starts_is_the_persons_end():
    roles = roles_of('s "Web Dashboard"\napi "Orders API"\nllm "LLM"\ns -> api -> llm\n')
    assert roles["s"] == ("user", "position")


@pytest.mark.parametrize(
    "source",
    [
        'm "Prometheus"\ns "Dashboard"\nm -> s\n',  # the monitor's screen
        's "Ops Dashboard (admin)"\napi "Orders API"\ns -> api\n',  # an admin's screen is no user's
        'a "Orders API"\ns "Dashboard"\nb "Billing API"\na -> s -> b\n',  # in the middle of the flow
    ],
)
def test_monitor_admin_and_mid_flow_screens_are_not_the_person(source):
    assert assign_roles(design_from(source))["s"].role != "user"


@pytest.mark.parametrize(
    ("edge", "frontend"),
    [
        ('b["Browser"] --> lb["Load Balancer"] --> fe["Web Frontend<br/>(Svelte)"]', "application"),
        ('p["Shopper"] --> cdn["CloudFront"] --> fe["React SPA"]', "application"),
        # Fed by anything but gateways, the interface where the flow ends stays the person's end.
        ('b["Browser"] --> api["Orders API"] --> fe["Web Frontend<br/>(Svelte)"]', "user"),
        ('q["Question"] --> llm["LLM"] --> fe["Chat UI"]', "user"),
    ],
)
def test_a_frontend_that_only_gateways_serve_is_the_products(edge, frontend):
    roles = assign_roles(design_from(f"flowchart LR\n  {edge}\n", "mermaid", "d.mmd"))
    assert roles["fe"].role == frontend
