-- Demo data (demo profile only): identifiers valid by their own rules, so the demo shows what real ones look like
-- (README, "Demo data"). A fix of V1_1, which earlier demo databases already hold and Flyway does not run again.
--   merchant numbers: 898, the city's 4-digit administrative division (GB/T 2260: 1100 Beijing, 3100 Shanghai,
--     3301 Hangzhou, 4403 Shenzhen, 3201 Nanjing, 5101 Chengdu), then 8 digits of sequence;
--   unified social credit codes: GB 32100-2015 check character, the registering district's division code;
--   settlement card numbers: the bank's BIN and a Luhn check digit;
--   legal persons' ID numbers: GB 11643 check digit, and the sex digit (17th: odd male, even female) matching the person.

update merchant set legal_person_id_number = '310115197909233442' where merchant_no = '898110000000003' and legal_person_id_number = '310115197909233450';
update merchant set legal_person_id_number = '440305199002154558' where merchant_no = '898110000000004' and legal_person_id_number = '440305199002154566';
update merchant set legal_person_id_number = '110108197511305687' where merchant_no = '898110000000005' and legal_person_id_number = '110108197511305679';
update merchant set legal_person_id_number = '32010619881008677X' where merchant_no = '898110000000006' and legal_person_id_number = '320106198810086788';
update merchant set legal_person_id_number = '510107199203177887' where merchant_no = '898110000000007' and legal_person_id_number = '510107199203177895';

update merchant set credit_code = '91310106MA1FL0023X' where merchant_no = '898110000000002';
update merchant set credit_code = '91440305MA5G00043F' where merchant_no = '898110000000004';
update merchant set credit_code = '91510104MA6C000769' where merchant_no = '898110000000007';

update settlement_account set card_number = '6222020000000000018' where id = 1 and card_number = '6222020000000000011';
update settlement_account set card_number = '6217000000000000020' where id = 2 and card_number = '6217000000000000022';
update settlement_account set card_number = '6228480000000000034' where id = 3 and card_number = '6228480000000000033';
update settlement_account set card_number = '6222020000000000059' where id = 5 and card_number = '6222020000000000055';
update settlement_account set card_number = '6217000000000000061' where id = 6 and card_number = '6217000000000000066';
update settlement_account set card_number = '6228480000000000075' where id = 7 and card_number = '6228480000000000077';
update settlement_account set card_number = '6225880000000000085' where id = 8 and card_number = '6225880000000000088';
update settlement_account set card_number = '6222020000000000091' where id = 9 and card_number = '6222020000000000099';

-- Merchant numbers outside Beijing take their city's code: a new merchant row, the registry's rows and the cases moved
-- to it, the old row removed. Records already written (audit, notices, clearing report, refunds) keep what they said.
create table demo_renumbering (old_no varchar(15) primary key, new_no varchar(15) not null);
insert into demo_renumbering (old_no, new_no) values
('898110000000002', '898310000000002'),
('898110000000003', '898330100000003'),
('898110000000004', '898440300000004'),
('898110000000006', '898320100000006'),
('898110000000007', '898510100000007'),
('898110000000009', '898330100000009');

insert into merchant (merchant_no, name, merchant_type, credit_code, status, legal_person_name, legal_person_id_number,
    legal_person_phone, preferred_language, notice_channel, email, wechat_open_id, settlement_mode)
select r.new_no, m.name, m.merchant_type, m.credit_code, m.status, m.legal_person_name, m.legal_person_id_number,
    m.legal_person_phone, m.preferred_language, m.notice_channel, m.email, m.wechat_open_id, m.settlement_mode
from merchant m join demo_renumbering r on r.old_no = m.merchant_no;

update settlement_account set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = settlement_account.merchant_no)
where merchant_no in (select old_no from demo_renumbering);
update binding set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = binding.merchant_no)
where merchant_no in (select old_no from demo_renumbering);
update pending_settlement set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = pending_settlement.merchant_no)
where merchant_no in (select old_no from demo_renumbering);
update dispute set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = dispute.merchant_no)
where merchant_no in (select old_no from demo_renumbering);
update outstanding_fee set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = outstanding_fee.merchant_no)
where merchant_no in (select old_no from demo_renumbering);
update terminal_transaction set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = terminal_transaction.merchant_no)
where merchant_no in (select old_no from demo_renumbering);
update unbinding_case set merchant_no = (select r.new_no from demo_renumbering r where r.old_no = unbinding_case.merchant_no)
where merchant_no in (select old_no from demo_renumbering);

delete from merchant where merchant_no in (select old_no from demo_renumbering);
drop table demo_renumbering;
