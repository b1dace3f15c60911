"""Words outside the head (docs/roles.md, "Reading a label"): when the detail names the box and when it only
lists what the box holds, uses or does. Every label here is invented for these tests."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # A list of three or more whose first item names nothing lists fields or contents, not the box.
        ("Passage nodes<br>id · embedding · source url", "unknown"),
        ("Graph nodes (names, aliases, embeddings)", "unknown"),
        ("Concept entries<br>title + embedding + tags", "unknown"),
        ("Handover pack<br>changelog, eval summary, audit ledger", "unknown"),
        ("execution<br>timeouts · retries · audit", "unknown"),
    ],
)
def test_a_detail_listing_contents_names_no_role(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        # The first item of such a list may name the box; a pair is no list of contents.
        ("Service<br>Ollama, vLLM, TGI", "model_inference"),
        ("Gate<br>bcrypt + JWT", "auth"),
        # The head decides where it names a role, whatever the detail lists.
        ("Vector index<br>ids · embeddings · payloads", "retrieval"),
    ],
)
def test_a_detail_list_that_names_the_box_keeps_it(label, role):
    assert reading_of(label).role == role
