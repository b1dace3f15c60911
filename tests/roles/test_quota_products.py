"""Kubernetes' limits of what a tenant may use, read as the rate_limiter (docs/roles.md, "Known products");
invented labels."""

from __future__ import annotations

import pytest

from ..helpers import reading_of


@pytest.mark.parametrize(
    "label",
    ["Kueue", "Kueue<br/>team quotas", "ResourceQuota (team-a)", "LimitRange", "Namespace resource quotas"],
)
def test_a_quota_of_the_cluster_is_the_rate_limiter(label):
    assert reading_of(label).role == "rate_limiter"
