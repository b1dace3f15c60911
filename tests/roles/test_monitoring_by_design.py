"""Generic monitors read by the design they are drawn in (docs/roles.md, "Order"); invented labels."""

from __future__ import annotations

from aidlint.roles.infer import assign_roles

from ..helpers import design_from


def roles_of(source: str) -> dict[str, str]:
    return {node: a.role for node, a in assign_roles(design_from(source, "mermaid", "design.mmd")).items()}


SERVING = 'flowchart LR\n  u["Shopper"] --> api["Orders API"] --> m["Churn classifier"]\n'


def test_generic_monitors_drawn_apart_from_a_model_monitor_watch_the_machines():
    source = SERVING + '  m --> d["Prediction drift monitor"]\n  p["Prometheus"] --> g["Grafana"] --> a["Pager alerts"]\n  t["Zipkin"]\n'
    roles = roles_of(source)
    assert (roles["d"], roles["p"], roles["g"], roles["t"]) == ("monitoring", "infra_monitoring", "infra_monitoring", "infra_monitoring")


def test_a_generic_monitor_linked_to_another_box_or_to_the_model_monitor_keeps_its_words():
    source = SERVING + '  m --> d["Prediction drift monitor"]\n  api --> p["Prometheus"]\n  d --> g["Grafana"]\n'
    roles = roles_of(source)
    assert (roles["p"], roles["g"]) == ("monitoring", "monitoring")


def test_without_a_monitor_of_the_model_a_generic_monitor_drawn_apart_keeps_its_words():
    assert roles_of(SERVING + '  p["Prometheus"]\n')["p"] == "monitoring"
