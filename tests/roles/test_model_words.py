"""Words that name a served model in any diagram, and words that only mention one (docs/roles.md, "When a
node is the model" and the bullets after it); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


def role_of(label: str) -> str:
    return reading_of(label).role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("推理服务", "model_inference"),  # inference service
        ("GPU / 推理节点 3", "model_inference"),  # inference node
        ("大语言模型", "model_inference"),  # large language model
        ("推論サーバー", "model_inference"),  # inference server
        ("추론 서버", "model_inference"),
        ("推理日志", "unknown"),  # inference logs: a longer run names no model
    ],
)
def test_the_model_in_chinese_japanese_and_korean(label, role):
    assert role_of(label) == role


@pytest.mark.parametrize(
    "label",
    [
        "Core ML<br/>on-device",
        "TensorFlow Lite",
        "MediaPipe pose",
        "llamafile",
        "AI21 Jamba",
        "Aleph Alpha",
        "DashScope (Qwen)",
        "文心一言",
        "Doubao API",
        "Workers AI",
        "Perplexity API",
        "Tesseract OCR",
        "LayoutLMv3",
        "NVIDIA Riva ASR",
        "AssemblyAI",
        "pyannote",
    ],
)
def test_a_model_runtime_or_hosted_model_api_named_by_product_is_the_model(label):
    assert role_of(label) == "model_inference"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Anthropic-compatible apps", "application"),
        ("Gemini apps", "application"),
        ("Ray Serve app", "model_inference"),  # one app of a serving runtime is what it serves
        ("Claude 客户端", "application"),
        ("OpenAI 兼容客户端", "application"),
    ],
)
def test_apps_and_clients_named_after_a_model_call_it(label, role):
    assert role_of(label) == role


def test_apps_of_a_model_api_where_the_flow_starts_are_the_persons_end():
    from aidlint.roles.infer import assign_roles

    from ..helpers import design_from

    design = design_from(
        """
        flowchart LR
          A["Mistral-compatible apps"] --> G["Inference proxy"]
          B["Gemini 客户端"] --> G
          G --> M["vLLM"]
        """,
        fmt="mermaid",
        path="design.mmd",
    )
    roles = {node_id: a.role for node_id, a in assign_roles(design).items()}
    assert roles["A"] == "user"
    assert roles["B"] == "user"
    assert roles["M"] == "model_inference"
