-- How a terminal's deposit comes back (the deposit model, an input of DMN DepositRefund):
--   REFUND_ON_RETURN  a leased POS: refunded once the device is back and checked (the default for a deposit);
--   ACTIVATION_TARGET an electronic-signature POS (电签): refunded when the merchant met the trading target, the
--                     device stays with the merchant; activation_target_met_on is the day the target was met.
alter table terminal add column deposit_model varchar(20) default 'REFUND_ON_RETURN' not null;
alter table terminal add column activation_target_met_on date;

-- On the case, as assessed with the fee: how its deposit comes back (DEVICE_RETURN, ON_UNBIND, NONE).
alter table unbinding_case add column deposit_return varchar(20);

-- The return of a leased device: the courier the merchant sent it with, and what the warehouse found on arrival
-- (the serial number scanned, the condition, the deduction the fee table gives for it), or the day the deposit was
-- forfeited because nothing arrived by the deadline. One per case.
create table device_return (
    case_number       varchar(20)    not null primary key references unbinding_case (case_number),
    terminal_sn       varchar(32)    not null,
    courier_company   varchar(40),
    courier_number    varchar(40),
    shipped_recorded_by varchar(64),
    shipped_recorded_at timestamp,
    scanned_sn        varchar(32),
    device_condition  varchar(30),
    deduction         decimal(10, 2),
    received_by       varchar(64),
    received_at       timestamp,
    forfeited_at      timestamp
);
