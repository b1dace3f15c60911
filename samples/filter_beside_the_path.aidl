# The moderation service exists, but the backend calls the model around it.
design "Filter beside the path"

user: user "Customer"
gateway: api_gateway "API gateway"
app: application "Backend"
moderation: safety_filter "Moderation API"
llm: model_inference "LLM"
out_filter: safety_filter "Output filter" stage=output
review: human_review "Moderators"
audit: audit_log "Audit log"
monitor: monitoring "Toxicity monitoring"
pager: alerting "PagerDuty"
deploy: deployment_controller "Blue/green deploy"
feedback: feedback_collector "Thumbs down"

user -> gateway -> app -> moderation -> llm
app -> llm "direct call for long prompts"
llm -> out_filter -> app -> gateway -> user
moderation -> review
llm -> audit
llm -> monitor -> pager
pager -> deploy "roll back" kind=rollback
deploy -> llm
user -> feedback -> review
