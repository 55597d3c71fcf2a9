-- How a merchant is paid: T1 (the next working day's settlement run pays a day's takings) or D0 (paid the same day).
-- After approval a terminal stops at the daily cut-off and is unbound once the run that pays its last day has passed.
alter table merchant add column settlement_mode varchar(2) default 'T1' not null;
