-- The clearing report (PBOC 银发〔2021〕259号) needs the full merchant identity (credit code or legal person's ID) and
-- settlement account: kept encrypted (AES-GCM, key outside the database) beside the masked forms shown everywhere
-- else; and which daily export file reported each record, with that file's SHA-256.
alter table clearing_report_record add column merchant_identity_enc varchar(200);
alter table clearing_report_record add column settlement_account_enc varchar(200);
alter table clearing_report_record add column report_file varchar(100);
alter table clearing_report_record add column report_checksum varchar(64);
alter table clearing_report_record add column reported_at timestamp;
create index ix_clearing_report_record_recorded on clearing_report_record (reported, recorded_at);
