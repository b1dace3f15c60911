# An agent that can call tools freely; only the machines are monitored.
design "Support agent"

customer: user "Customer"
gateway: api_gateway "Gateway"
guard: safety_filter "Input and output guardrails"
agent_llm: model_inference "Agent LLM"
tools: tool_executor "CRM and refund tools"
infra: infra_monitoring "Prometheus (CPU, memory)"
history: data_store "Conversation history"
rating: feedback_collector "Rating"
agents: human_review "Human support agents"

customer -> gateway -> guard -> agent_llm -> guard -> gateway -> customer
agent_llm -> tools -> agent_llm
agent_llm -> infra
agent_llm -> history
guard -> agents "escalations"
customer -> rating -> agents
