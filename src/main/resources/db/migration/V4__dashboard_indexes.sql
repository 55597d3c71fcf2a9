-- Covering indexes for the dashboard's windowed figures, so that each query reads only an index, not the case rows:
-- with 100,000 closed cases in the window the dashboard took about twice as long without them (README "Benchmark").
-- Two replace the single-column indexes they begin with, so a case update maintains one index more than before.
create index ix_unbinding_case_review_breach on unbinding_case (review_due_at, reviewed_at, status);
drop index ix_unbinding_case_review_due;
create index ix_unbinding_case_opened_fee on unbinding_case (opened_at, fee);
drop index ix_unbinding_case_opened;
create index ix_unbinding_case_durations on unbinding_case (outcome, closed_at, total_seconds, application_seconds,
    review_seconds, unbind_seconds, confirmation_seconds);
