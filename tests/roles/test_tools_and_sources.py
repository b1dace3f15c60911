"""Tools an agent acts through and where data enters (docs/roles.md, "Known products"); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


def roles_of(source: str) -> dict[str, str]:
    design = design_from(source, "mermaid", "design.mmd")
    return {node: a.role for node, a in assign_roles(design).items()}


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
