-- When the merchant (or an agent for them) reported a suspicious call about the case: a fake customer-service call
-- is the fraud the trade fears most. The report raises the case's risk and tells supervisors.
alter table unbinding_case add column suspicious_call_at timestamp;
