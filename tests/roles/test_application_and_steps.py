"""The product's own code against generic steps (docs/roles.md, "Backend web frameworks are the application"
and the readings after it); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of, mermaid_roles as _roles_of


@pytest.mark.parametrize("label", ["Spring Boot", "NestJS Backend", "Fastify server", "ASP.NET Core API", "Laravel", "Quarkus"])
def test_a_backend_web_framework_is_the_application(label):
    assert reading_of(label).role == "application"


def test_a_serving_word_beside_a_backend_web_framework_names_the_model():
    roles = _roles_of('flowchart LR\n  U[Customer] --> S["Spring Boot<br/>(Prediction)"] --> D[(Postgres)]\n')
    assert roles["S"] == "model_inference"


@pytest.mark.parametrize("label", ["MetaGPT", "LangServe API", "OpenAI Swarm", "Phidata", "CAMEL-AI", "Dialogflow CX", "Amazon Lex bot"])
def test_agent_frameworks_and_bot_platforms_are_the_application(label):
    assert reading_of(label).role == "application"


@pytest.mark.parametrize("label", ["OpenAI", "GPT-4o"])
def test_the_model_words_they_contain_still_name_models_alone(label):
    assert reading_of(label).role == "model_inference"


@pytest.mark.parametrize("label", ["system_prompt.txt", "prompts/system.md", "agent_instructions.txt", "CLAUDE.md", "AGENTS.md", "SKILL.md"])
def test_a_file_of_instructions_is_no_component(label):
    assert reading_of(label).role == "unknown"


@pytest.mark.parametrize(("label", "role"), [("MEMORY.md", "data_store"), ("promptfoo.txt", "evaluation")])
def test_text_files_named_otherwise_keep_their_words(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize("label", ["Conversation engine", "Dialogue Engine", "Conversational engine"])
def test_the_engine_of_a_conversation_is_the_application(label):
    assert reading_of(label).role == "application"


def test_an_engine_alone_names_nothing():
    assert reading_of("Engine").role == "unknown"
