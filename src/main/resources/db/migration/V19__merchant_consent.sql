-- The merchant's own consent to the unbinding, for a request not made in the merchant's authenticated app: given with
-- a one-time code sent to the phone on file (purpose UNBINDING), when, and through which client. No approval without it.
alter table unbinding_case add column merchant_consent_at timestamp;
alter table unbinding_case add column merchant_consent_by varchar(64);
