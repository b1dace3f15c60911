"""The product's own code against what it only reaches or steps it takes (docs/roles.md, "An API is a
service, not the edge" and the readings after it); invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize("label", ["Orders API", "Inventory REST API", "REST API Endpoints"])
def test_the_product_s_own_api_is_the_application(label):
    assert reading_of(label).role == "application"


@pytest.mark.parametrize("label", ["Partner APIs", "Third-party REST APIs", "Attach APIs to product", "APIs"])
def test_apis_written_plural_are_not_the_product_s_own_code(label):
    assert reading_of(label).role != "application"
