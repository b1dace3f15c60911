# An IDE coding assistant whose agent can run code in a sandbox, behind a policy check.
design "Coding assistant" profile=llm-app

dev: user "Developer (IDE plugin)"
edge: api_gateway "API gateway with rate limits"
agent: application "Agent orchestrator"
prompt_guard: safety_filter "Prompt-injection guard" stage=input
code_llm: model_inference "Code LLM"
secrets_guard: safety_filter "Secrets and license filter" stage=output
tool_policy: safety_filter "Tool-call policy check" stage=tool
sandbox: tool_executor "Code execution sandbox"
telemetry: data_store "Accepted-suggestion telemetry"
accept: feedback_collector "Accept / reject suggestions"
experts: human_review "Expert review of rejected suggestions"
anonymise: pii_scrubber "Anonymizer (strip repo identifiers)"
finetune: training_pipeline "Fine-tuning"
benchmarks: evaluation "Code benchmarks (acceptance tests)"
registry: model_registry "Model registry"
ab: experimentation "A/B test on 10% of traffic"
monitor: monitoring "Suggestion quality monitoring"
alerts: alerting "Alerting"

dev -> edge -> agent -> prompt_guard -> code_llm
code_llm -> secrets_guard -> agent -> edge -> dev
code_llm -> tool_policy -> sandbox -> agent
code_llm -> telemetry
prompt_guard -> experts "flagged"
dev -> accept -> experts -> anonymise -> finetune
finetune -> benchmarks -> registry -> ab -> code_llm
code_llm -> monitor -> alerts
alerts -> ab "revert to control" kind=rollback
