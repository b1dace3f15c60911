"""A file named in a label is read as a file (docs/roles.md, "Boxes that are no component"): its
extension is no word of its name, and a settings file is settings, not the component it configures.
Every label here is invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def read(label: str) -> tuple[str, str]:
    assignment = reading_of(label)
    return assignment.role, assignment.how


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # Settings files: the name ends in a settings word once the extension is set aside.
        ("ranker_config.yaml<br/>thresholds per model", "unknown"),
        ("config.toml<br/>LLM settings", "unknown"),
        ("configs/model_config.json", "unknown"),
        ("settings.py", "unknown"),
        # Dotfiles named alone hold settings and secrets, whatever their detail says.
        (".env<br/>OpenAI key", "unknown"),
        (".env.production", "unknown"),
        # Other files are read by their words as before.
        ("train_model.py", "training_pipeline"),
        ("guardrails.yaml<br/>input rails", "safety_filter"),
        ("app.py (Main Application)", "application"),
        # A path into a dot-directory is not a dotfile.
        (".github/workflows/deploy.yml", "deployment_controller"),
    ],
)
def test_a_file_is_read_by_its_name_and_settings_are_no_component(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A label made only of settings or template files and their folders draws configuration.
        ("crews.yaml", "unknown"),
        ("billing_agent/<br/>agent.yml<br/>system_prompt.jinja2", "unknown"),
        ("workers/router.toml", "unknown"),
        ("retriever/<br/>search.ini", "unknown"),
        # A line of anything else leaves the label to its words, and so does a workflow in a dot-directory.
        ("moderation.yaml<br/>output rails", "safety_filter"),
        ("billing_agent/", "application"),  # a folder alone names no file: read by its words
        (".gitlab/ci/deploy.yml", "deployment_controller"),
        ("summarize_agent.py", "model_inference"),
    ],
)
def test_settings_files_and_their_folders_are_no_component(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # The code of an interface is a component of the product, not the person using it.
        ("ui/gradio_app.py<br/>verdict and explanation", "application"),
        ("web/client.ts", "unknown"),
        ("src/frontend.js (chat page)", "application"),
        # The person keeps the role when the file is only a detail, and interfaces named as such stay people.
        ("Customer (mobile.py)", "user"),
        ("Streamlit UI", "user"),
    ],
)
def test_a_file_is_never_a_person(label, role):
    assert read(label)[0] == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Next.js Frontend", "user"),  # a framework named like a script: the frontend keeps its reading
        ("Node.js API", "application"),
        ("frontend.js", "unknown"),  # a file stays a file
        ("App.js<br/>chat page", "application"),
    ],
)
def test_a_framework_named_like_a_script_is_no_file(label, role):
    assert read(label)[0] == role
