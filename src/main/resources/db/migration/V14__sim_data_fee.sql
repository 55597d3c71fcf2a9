-- The SIM data plan (流量卡) the acquirer bills for a terminal: the yearly fee and the last day of the paid period.
-- Both null when the acquirer bills none (a bought device with the merchant's own SIM). When the terminal is unbound
-- the months left in the paid period are refunded pro rata and unpaid months charged (DMN SimDataFee).
alter table terminal add column sim_annual_fee decimal(10, 2);
alter table terminal add column sim_paid_until date;
-- On the case, as the fee notice gave them: the SIM data fee charged (part of fee) and the SIM data fee refunded.
alter table unbinding_case add column sim_fee decimal(10, 2);
alter table unbinding_case add column sim_refund decimal(10, 2);
