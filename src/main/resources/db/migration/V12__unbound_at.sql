-- When the terminal was unbound, on the case itself: the checks after an unbind read it from here, not from the
-- audit trail. Cases unbound before this column existed take the time their audit row gives.
alter table unbinding_case add column unbound_at timestamp;
update unbinding_case set unbound_at = (select min(a.occurred_at) from audit_entry a
	where a.case_number = unbinding_case.case_number and a.action = 'TERMINAL_UNBOUND');
