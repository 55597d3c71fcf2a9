-- Figures for the dashboard, kept on the case as it moves: when each stage began, how long each took (seconds, set
-- when the case closes), the review's due date and when it was decided, and the fee noticed.
alter table unbinding_case add column application_at timestamp;
alter table unbinding_case add column review_at timestamp;
alter table unbinding_case add column unbind_at timestamp;
alter table unbinding_case add column confirmation_at timestamp;
alter table unbinding_case add column total_seconds bigint;
alter table unbinding_case add column application_seconds bigint;
alter table unbinding_case add column review_seconds bigint;
alter table unbinding_case add column unbind_seconds bigint;
alter table unbinding_case add column confirmation_seconds bigint;
alter table unbinding_case add column review_due_at timestamp;
alter table unbinding_case add column reviewed_at timestamp;
alter table unbinding_case add column fee decimal(10, 2);
alter table unbinding_case add column deposit_refund decimal(10, 2);

create index ix_unbinding_case_opened on unbinding_case (opened_at);
create index ix_unbinding_case_closed on unbinding_case (closed_at, outcome);
create index ix_unbinding_case_review_due on unbinding_case (review_due_at);
create index ix_deposit_refund_created on deposit_refund (created_at);
