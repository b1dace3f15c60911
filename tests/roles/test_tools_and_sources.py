"""Tools an agent acts through and where data enters (docs/roles.md, "Known products"); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of, mermaid_roles as roles_of


def at_start(label: str) -> str:
    source = f'flowchart LR\n  s["{label}"] --> i["Chunking"] --> e["Embedding model"] --> v[("Vector DB")]\n'
    return roles_of(source)["s"]


@pytest.mark.parametrize(
    "label",
    ["Scrapy spiders", "Beautiful Soup", "BeautifulSoup", "Apify actor", "Crawl4AI", "Airbyte", "Fivetran sync",
     "Meltano", "Web scraping"],
)
def test_scraping_and_elt_products_bring_data_in(label):
    assert reading_of(label).role == "data_source"
    assert at_start(label) == "data_source"


@pytest.mark.parametrize(("label", "role"), [("Metrics scraping", "monitoring"), ("Prometheus scrape", "monitoring")])
def test_a_metrics_scrape_is_no_web_scraping(label, role):
    assert reading_of(label).role == role


def called_by_agent(label: str) -> str:
    source = f'flowchart LR\n  a["Booking agent"] --> t["{label}"]\n  a --> llm["Claude"]\n'
    return roles_of(source)["t"]


@pytest.mark.parametrize(
    "label",
    ["Bedrock Action Group", "Action Group (Lambda)", "Agent action groups", "Jupyter kernel", "IPython kernel",
     "URL Fetcher", "Fetch URL"],
)
def test_action_groups_kernels_and_url_fetchers_are_the_agents_tools(label):
    assert reading_of(label).role == "tool_executor"
    assert called_by_agent(label) == "tool_executor"


@pytest.mark.parametrize(
    ("label", "role"),
    [("Action Group", "unknown"), ("Azure Monitor Action Group", "monitoring"), ("Jupyter Notebook", "unknown")],
)
def test_an_action_group_without_an_agents_word_is_no_tool(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [("Web pages", "data_source"), ("Crawled web pages", "data_source"), ("Web page", "user"), ("Webpage", "user")],
)
def test_web_pages_in_the_plural_are_content_and_one_web_page_the_persons_screen(label, role):
    assert reading_of(label).role == role
    assert at_start(label) == role


@pytest.mark.parametrize(
    ("label", "role"),
    [("Data providers", "data_source"), ("Market data vendors", "data_source"), ("Weather data provider", "data_source"),
     ("LLM providers", "model_inference")],
)
def test_data_providers_and_vendors_are_data_from_elsewhere(label, role):
    assert reading_of(label).role == role
