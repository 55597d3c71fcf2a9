-- What the review decided, kept on the case so that the unbind can check it whichever API drove the engine: the risk
-- level, the blocks found, who approved and who gave the second approval.
alter table unbinding_case add column risk_level varchar(10);
alter table unbinding_case add column block_reasons varchar(200);
alter table unbinding_case add column approved_by varchar(64);
alter table unbinding_case add column approved_at timestamp;
alter table unbinding_case add column second_approved_by varchar(64);
alter table unbinding_case add column second_approved_at timestamp;

-- Idempotency keys belong to the client that sent them: two clients may use the same key without meeting. Existing
-- keys are carried over under the client '' (no client matches it, so they simply expire).
create table client_idempotency_key (
    client_id       varchar(64)  not null,
    idempotency_key varchar(100) not null,
    request_hash    varchar(64)  not null,
    case_number     varchar(20)  not null,
    created_at      timestamp    not null,
    primary key (client_id, idempotency_key)
);
insert into client_idempotency_key (client_id, idempotency_key, request_hash, case_number, created_at)
    select '', idempotency_key, request_hash, case_number, created_at from idempotency_key;
drop table idempotency_key;
create index ix_client_idempotency_key_created on client_idempotency_key (created_at);
create index ix_unbinding_case_process on unbinding_case (process_instance_id);
