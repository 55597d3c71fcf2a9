-- A reported-lost device stops taking transactions on the first call (挂失): the terminal's state and when it last
-- changed, and whether a case suspended it (so a case that ends without an unbind lifts its own suspension only).
alter table terminal add column status_changed_at timestamp;
alter table unbinding_case add column suspended_terminal boolean default false not null;
-- When the merchant accepted the fee: the unbind looks for it, and a later round of the application does not ask again.
alter table unbinding_case add column fee_accepted_at timestamp;
