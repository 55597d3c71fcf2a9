-- Demo data (demo profile only): the leased terminals carry the acquirer's SIM data plan at 60 CNY a year; the bought
-- ones (T0000008, T0000009) use the merchant's own SIM. The paid periods are set at each start, relative to the day
-- (DemoRegistryDates): T0000001 has 4 months left (refunded), T0000002 owes 2 months (charged), the rest are paid up.
update terminal set sim_annual_fee = 60.00, sim_paid_until = current_date where ownership = 'DEPOSIT' and sn like 'SN-LD-%';
