# Users' chats are logged and fine-tuned on as they are: no review, no anonymisation.
design "Feedback straight to training"

user: user "User"
gateway: api_gateway "Gateway"
in_guard: safety_filter "Input guardrail"
llm: model_inference "LLM"
out_guard: safety_filter "Output guardrail"
logs: data_store "Chat logs"
report: feedback_collector "Report abuse"
moderators: human_review "Moderators"
train: training_pipeline "Fine-tuning"
eval: evaluation "Evals"
registry: model_registry "Registry"
canary: deployment_controller "Canary"
monitor: monitoring "Model monitoring"

user -> gateway -> in_guard -> llm -> out_guard -> gateway -> user
llm -> logs -> train
user -> report -> moderators
in_guard -> moderators
train -> eval -> registry -> canary -> llm
llm -> monitor
monitor -> canary "rollback" kind=rollback
