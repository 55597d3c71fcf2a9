-- Idempotency keys of POST /api/unbinding-cases: a repeat with the same key returns the same case.
create table idempotency_key (
    idempotency_key varchar(100) primary key,
    request_hash    varchar(64)  not null,
    case_number     varchar(20)  not null,
    created_at      timestamp    not null
);
