# Retrieval-augmented search over internal documents, with a reranker and an answer model.
design "RAG search" profile=llm-app

employee: user "Employee"
sso: auth "SSO (Okta)"
api: api_gateway "Search API gateway"
orchestrator: application "RAG orchestrator"
injection_guard: safety_filter "Prompt-injection detector" stage=input
retriever: retrieval "Vector store (pgvector)"
answer_llm: model_inference "Answer LLM"
grounding: safety_filter "Grounding and PII output check" stage=output
query_log: data_store "Query log"
report: feedback_collector "Report bad answer"
triage: human_review "Search quality triage"
redact: pii_scrubber "De-identification"
tuning: training_pipeline "Retriever and answer fine-tuning"
eval: evaluation "Golden-set evaluation gate"
models: model_registry "Model registry"
shadow: deployment_controller "Shadow then canary release"
observe: monitoring "Answer quality and hallucination monitoring"
oncall: alerting "On-call alerts"

employee -> sso -> api -> orchestrator -> injection_guard -> retriever -> answer_llm
answer_llm -> grounding -> orchestrator -> api -> employee
answer_llm -> query_log
injection_guard -> triage "blocked queries"
employee -> report -> triage -> redact -> tuning
tuning -> eval -> models -> shadow -> answer_llm
answer_llm -> observe -> oncall
oncall -> shadow "roll back" kind=rollback
