-- Who opened the case: the intake client or agent whose request it was. Webhook events go to that client alone;
-- older cases take the actor of their CASE_OPENED audit row.
alter table unbinding_case add column opened_by varchar(100);
update unbinding_case set opened_by = (select min(a.actor) from audit_entry a
	where a.case_number = unbinding_case.case_number and a.action = 'CASE_OPENED');
