# A content moderation service: a classifier scores user posts, people adjudicate appeals and
# borderline cases, and their labels retrain the classifier.
design "Content moderation" profile=recommended

poster: user "Community members"
ingress: api_gateway "Ingress (WAF and rate limits)"
app: application "Posting service"
pre_filter: safety_filter "Hash-matching filter" stage=input
classifier: model_inference "Toxicity classifier model"
policy: safety_filter "Policy thresholds" stage=output
decisions: audit_log "Decision audit trail"
appeals: feedback_collector "Appeals and user reports"
moderators: human_review "Moderator adjudication queue"
labels: data_store "Adjudicated labels"
pseudonymise: pii_scrubber "Pseudonymisation"
retrain: training_pipeline "Classifier retraining"
validate: evaluation "Held-out validation and bias audit"
registry: model_registry "Model registry"
rollout: deployment_controller "Staged rollout"
drift: monitoring "Score drift and precision monitoring"
page: alerting "On-call"

poster -> ingress -> app -> pre_filter -> classifier
classifier -> policy -> app -> ingress -> poster
classifier -> decisions
policy -> moderators "borderline"
poster -> appeals -> moderators -> labels -> pseudonymise -> retrain
retrain -> validate -> registry -> rollout -> classifier
classifier -> drift -> page
page -> rollout "roll back" kind=rollback
