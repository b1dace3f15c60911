"""People's verdicts, people's review and alerts to people (docs/roles.md, "A machine's feedback is no
user's verdict" and the bullets after it); invented labels."""

from __future__ import annotations

import pytest

from aidlint.roles.infer import assign_roles

from ..helpers import design_from, reading_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Critic feedback", "unknown"),
        ("Execution feedback<br/>stderr + exit code", "unknown"),
        ("Self-feedback", "unknown"),
        ("Unit test feedback", "unknown"),
        ("Compiler feedback", "unknown"),
        ("Feedback from the grader", "model_inference"),  # read by its other word, the grader
        ("Verifier feedback", "unknown"),
        # people's verdicts keep their role
        ("Customer feedback widget", "feedback_collector"),
        ("Thumbs up / down on answers", "feedback_collector"),
        ("Report wrong answer", "feedback_collector"),
    ],
)
def test_a_machines_feedback_is_no_users_verdict(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Encord<br/>bounding boxes", "human_review"),
        ("Kili Technology workspace", "human_review"),
        ("Supervisely", "human_review"),
        ("LabelImg", "human_review"),
        ("Appen annotators", "human_review"),
        ("Surge AI raters", "human_review"),
        ("Crowdsourcing platform", "human_review"),
        ("Crowdsourced labels", "data_store"),  # what the crowd produced, stored
    ],
)
def test_labelling_tools_and_crowds_are_people_reviewing(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human-in-loop check", "human_review"),
        ("Moderation team", "human_review"),
        ("Moderation", "safety_filter"),  # the guard, no people named
        ("Live agent handoff", "human_review"),
        ("Transfer to a live agent", "human_review"),
        ("Human", "user"),
    ],
)
def test_people_in_the_loop_told_other_ways(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Incident report", "unknown"),
        ("Incident post-mortem", "unknown"),
        ("Incident response", "alerting"),
        ("Alert<br/>nightly report", "alerting"),  # the report only in the detail
    ],
)
def test_a_report_of_an_incident_is_a_document_not_the_alert(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Drift alert", "alerting"),
        ("Sentry alerts", "alerting"),
        ("Embedding drift alerts", "alerting"),
        ("Prometheus + alerts", "monitoring"),  # a list: its first item
        ("Drift monitor", "monitoring"),
        ("Monitoring alerts", "monitoring"),  # the watching itself: precedence
        ("Drift detection<br/>alerts", "monitoring"),  # the alert only in the detail
    ],
)
def test_an_alert_that_ends_the_head_is_the_alert(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Grafana IRM", "alerting"),
        ("Grafana", "monitoring"),
        ("iLert", "alerting"),
        ("SIGNL4 on-call app", "alerting"),
        ("BigPanda", "alerting"),
        ("Moogsoft AIOps", "alerting"),
        ("Everbridge", "alerting"),
        ("Traffic spike", "unknown"),
    ],
)
def test_paging_and_alert_routing_products_are_alerting(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("用户反馈", "feedback_collector"),
        ("피드백 수집", "feedback_collector"),
        ("フィードバック", "feedback_collector"),
        ("人工复核", "human_review"),
        ("라벨링 도구", "human_review"),
    ],
)
def test_verdicts_and_review_in_chinese_japanese_and_korean(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human review of outputs", "human_review"),
        ("Reviewer checks outputs", "human_review"),
        ("Raters rank responses", "human_review"),
        ("Moderators review flagged messages", "human_review"),
        ("Annotate samples", "human_review"),
        ("Human review results", "unknown"),  # what the review made: a record
        ("Annotation results", "unknown"),
    ],
)
def test_people_reviewing_what_a_record_names_keep_the_review(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Human intervention", "human_review"),
        ("Manual intervention required", "human_review"),
        ("Wait for human input", "human_review"),
        ("Interrupt for human", "human_review"),
        ("Manual grading of answers", "human_review"),
        ("Manual QC", "human_review"),
        ("Grading", "unknown"),
        ("Human scoring", "model_inference"),  # a machine word ends the head
    ],
)
def test_people_stepping_in_and_working_by_hand(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Alert on embedding drift", "alerting"),
        ("Alarm if data drift > 0.3", "alerting"),
        ("Alert on monitoring", "monitoring"),  # the watching itself keeps its precedence
        ("Alert Drift Monitor", "monitoring"),  # no word of when it fires: a monitor's name
    ],
)
def test_an_alert_verb_with_when_it_fires_is_the_alert(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Dislike button", "feedback_collector"),
        ("Users vote on answers", "feedback_collector"),
        ("Report hallucination", "feedback_collector"),
        ("Mark as wrong", "feedback_collector"),
        ("Retroalimentación del usuario", "feedback_collector"),
        ("Hallucination report", "unknown"),  # a document, as any report alone
        ("Hallucination detector", "safety_filter"),
    ],
)
def test_more_ways_users_tell_their_verdict(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Route to human", "human_review"),
        ("Hand off to a human", "human_review"),
        ("Fallback to human<br/>(low confidence)", "human_review"),
        ("Defer to a human", "human_review"),
        ("Human handover", "human_review"),
        ("Handover to agent", "application"),  # another agent: software
        ("Fallback", "unknown"),
    ],
)
def test_a_case_handed_over_to_people(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Error Reporting", "infra_monitoring"),
        ("Crash reports", "infra_monitoring"),
        ("Report bad answer", "feedback_collector"),  # the user's report
        ("Bug report button", "feedback_collector"),
    ],
)
def test_errors_the_software_reports_are_no_users_report(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Trubrics", "feedback_collector"),
        ("UserVoice board", "feedback_collector"),
        ("Qualtrics survey", "feedback_collector"),
        ("Medallia", "feedback_collector"),
        ("gotoHuman", "human_review"),
    ],
)
def test_feedback_and_review_products_are_read_as_what_they_are(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize("channel", ["Slack #ml-alerts", "Discord #incidents-alerts", "Mattermost channel for alerts"])
def test_a_chat_app_named_with_alerts_where_the_flow_ends_is_the_alert(channel):
    design = design_from(f'm "Prometheus"\nam "Alertmanager"\nc "{channel}"\nm -> am -> c\n')
    assert assign_roles(design)["c"].role == "alerting"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Customer reviews", "data_source"),
        ("IMDB reviews", "data_source"),
        ("Product reviews dataset", "data_store"),  # a dataset, as any
        ("Product review by experts", "human_review"),  # people reviewing
    ],
)
def test_reviews_people_wrote_about_products_are_content_coming_in(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Pod annotations", "unknown"),
        ("Type annotations", "unknown"),
        ("COCO annotations", "unknown"),
        ("Annotation tool", "human_review"),
        ("Annotating", "human_review"),
        ("Annotate transcripts", "human_review"),
        ("Annotators", "human_review"),
    ],
)
def test_annotations_are_what_is_attached_annotation_is_people_annotating(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Privilege escalation check", "auth"),
        ("Prevent privilege escalation", "auth"),
        ("Escalate to on-site engineer", "human_review"),
    ],
)
def test_privilege_escalation_is_access_not_people(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("NeMo Curator<br/>dedup + quality filters", "unknown"),
        ("Manual curation", "human_review"),
    ],
)
def test_nemo_curator_is_a_library_not_people_curating(label, role):
    assert reading_of(label).role == role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Auto-labeling", "model_inference"),
        ("Automatic annotation of frames", "model_inference"),
        ("Pre-annotation", "model_inference"),
        ("Model-assisted labeling", "human_review"),  # people labelling with a model's help
        ("Human labeling", "human_review"),
    ],
)
def test_labelling_told_as_automatic_is_a_model_at_work(label, role):
    assert reading_of(label).role == role
