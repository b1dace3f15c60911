# A fraud classifier retrained nightly and pushed straight to serving.
# Roles here are inferred from the labels: run `aidlint roles` on this file to see why.
design "Fraud scoring" profile=classic-ml

merchant "Merchant checkout"
gateway "API gateway"
scorer "Fraud scoring model"
decisions "Decision audit log"
chargebacks "Chargebacks and user reports"
analysts "Analyst review"
anonymizer "Anonymizer"
retrain "Nightly retraining"
deploy "Deploy"
drift "Drift monitoring"
oncall "On-call alerts"

merchant -> gateway -> scorer -> gateway -> merchant
scorer -> decisions
merchant -> chargebacks -> analysts -> anonymizer -> retrain
retrain -> deploy -> scorer
scorer -> drift -> oncall
