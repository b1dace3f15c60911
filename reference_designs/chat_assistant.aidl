# A consumer chat assistant: guarded in both directions, with a reviewed, anonymised feedback loop
# into fine-tuning, an evaluation gate, a canary release and rollback driven by monitoring.
design "Chat assistant" profile=llm-app

user: user "End user (web and mobile)"

group edge "Edge" {
  gateway: api_gateway "API gateway"
  auth: auth "OAuth / SSO"
  limiter: rate_limiter "Rate limiter"
}

group serving "Serving" {
  app: application "Chat orchestrator"
  input_guard: safety_filter "Input moderation" stage=input
  llm: model_inference "Chat LLM"
  output_guard: safety_filter "Output moderation" stage=output
  audit: audit_log "Audit log"
}

group feedback "Feedback" {
  thumbs: feedback_collector "Thumbs up/down and report button"
  review: human_review "Trust & safety review queue"
  logs: data_store "Interaction logs"
  scrub: pii_scrubber "PII redaction"
}

group lifecycle "Model lifecycle" {
  train: training_pipeline "Fine-tuning pipeline"
  evals: evaluation "Offline evals and red-team suite"
  registry: model_registry "Model registry"
  canary: deployment_controller "Canary rollout (5% -> 50% -> 100%)"
  monitor: monitoring "Quality, toxicity and drift monitoring"
  pager: alerting "On-call pager"
}

# Serving path, both directions through the filters.
user -> gateway -> auth -> limiter -> app -> input_guard -> llm "prompt"
llm -> output_guard -> app -> gateway -> user "answer"
llm -> audit
input_guard -> review "flagged"
output_guard -> review "flagged"

# Feedback loop: users report, people review, data is scrubbed before training.
user -> thumbs -> review -> logs -> scrub -> train

# Release: evaluate, register, canary; monitoring rolls back.
train -> evals -> registry -> canary -> llm
llm -> monitor -> pager
monitor -> canary "roll back" kind=rollback
