# A chat assistant drawn the way many start: the model talks to users directly.
# Expected: SAF001 and SAF002 (no safety filter either way), SAF004-free (no filter at all).
design "Chat without guardrails"

user: user "End user"
gateway: api_gateway "API gateway"
app: application "Chat backend"
llm: model_inference "Chat LLM"
logs: audit_log "Conversation audit log"
report: feedback_collector "Report button"
review: human_review "Support review"
scrub: pii_scrubber "PII redaction"
train: training_pipeline "Fine-tuning"
eval: evaluation "Eval gate"
registry: model_registry "Model registry"
canary: deployment_controller "Canary release"
monitor: monitoring "Output quality monitoring"

user -> gateway -> app -> llm
llm -> app -> gateway -> user
llm -> logs
user -> report -> review -> scrub -> train -> eval -> registry -> canary -> llm
llm -> monitor
monitor -> canary "rollback" kind=rollback
