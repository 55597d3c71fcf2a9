-- Demo data (demo profile only): the nail salon (898330100000009) works with electronic-signature POS (电签), whose
-- deposit comes back when the merchant met the activation trading target, the device staying with the merchant:
-- T0000010 (activated 20 days ago) has not met it, the new T0000011 has. Every other leased terminal's deposit comes
-- back once the device is returned (REFUND_ON_RETURN, the column's default).
update terminal set model = 'NEWLAND ME31', deposit_model = 'ACTIVATION_TARGET' where sn = 'SN-LD-00000010';

insert into terminal (sn, terminal_id, model, status, activated_on, deposit, ownership, minimum_term_months,
        registered_address, seen_away_from_address, sim_annual_fee, sim_paid_until, deposit_model,
        activation_target_met_on) values
('SN-LD-00000011', 'T0000011', 'NEWLAND ME31', 'ACTIVE', current_date - interval '400' day, 99.00, 'DEPOSIT', 0,
 '杭州市滨江区江南大道88号', false, 60.00, current_date, 'ACTIVATION_TARGET', current_date - interval '370' day);

insert into binding (terminal_sn, merchant_no, settlement_account_id, bound_at) values
('SN-LD-00000011', '898330100000009', 9, current_timestamp - interval '400' day);
