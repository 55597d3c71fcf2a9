-- Demo data (demo profile only). Each merchant exercises one path of the process; the README has the table.
-- Dates are relative to the moment the data is loaded.

insert into merchant (merchant_no, name, merchant_type, credit_code, status, legal_person_name, legal_person_id_number, legal_person_phone, preferred_language) values
('898110000000001', '北京晨光便利店',         'INDIVIDUAL', null,                 'ACTIVE', '张伟', '110101198001011232', '13800000001', 'zh-CN'),
('898110000000002', '上海禾木咖啡有限公司',   'COMPANY',    '91310000MA1FL0001X', 'ACTIVE', '李娜', '110105198506122347', '13800000002', 'en'),
('898110000000003', '杭州西溪水果店',         'INDIVIDUAL', null,                 'ACTIVE', '王芳', '310115197909233450', '13800000003', 'zh-CN'),
('898110000000004', '深圳南山五金有限公司',   'COMPANY',    '91440300MA5G00004K', 'ACTIVE', '刘洋', '440305199002154566', '13800000004', 'zh-CN'),
('898110000000005', '北京东城书店',           'INDIVIDUAL', null,                 'ACTIVE', '陈静', '110108197511305679', '13800000005', 'zh-CN'),
('898110000000006', '南京鼓楼面馆',           'INDIVIDUAL', null,                 'ACTIVE', '杨磊', '320106198810086788', '13800000006', 'zh-CN'),
('898110000000007', '成都锦江茶馆有限公司',   'COMPANY',    '91510100MA6C00007P', 'ACTIVE', '赵敏', '510107199203177895', '13800000007', 'zh-CN'),
('898110000000008', '北京朝阳烧烤店',         'INDIVIDUAL', null,                 'ACTIVE', '周强', '110101197007078919', '13800000008', 'zh-CN'),
('898110000000009', '杭州滨江美甲店',         'INDIVIDUAL', null,                 'ACTIVE', '吴婷', '33010619830419012X', '13800000009', 'zh-CN');

insert into settlement_account (id, merchant_no, account_name, card_number, bank_name, status, frozen_amount, changed_at) values
(1, '898110000000001', '张伟',                 '6222020000000000011', '中国工商银行', 'NORMAL', 0,       current_timestamp - interval '400' day),
(2, '898110000000002', '上海禾木咖啡有限公司', '6217000000000000022', '中国建设银行', 'NORMAL', 0,       current_timestamp - interval '400' day),
(3, '898110000000003', '王芳',                 '6228480000000000033', '中国农业银行', 'NORMAL', 0,       current_timestamp - interval '400' day),
(4, '898110000000004', '深圳南山五金有限公司', '6225880000000000044', '招商银行',     'FROZEN', 5000.00, current_timestamp - interval '400' day),
(5, '898110000000005', '陈静',                 '6222020000000000055', '中国工商银行', 'NORMAL', 0,       current_timestamp - interval '400' day),
(6, '898110000000006', '杨磊',                 '6217000000000000066', '中国建设银行', 'NORMAL', 0,       current_timestamp - interval '400' day),
(7, '898110000000007', '成都锦江茶馆有限公司', '6228480000000000077', '中国农业银行', 'NORMAL', 0,       current_timestamp - interval '10' day),
(8, '898110000000008', '周强',                 '6225880000000000088', '招商银行',     'NORMAL', 0,       current_timestamp - interval '400' day),
(9, '898110000000009', '吴婷',                 '6222020000000000099', '中国工商银行', 'NORMAL', 0,       current_timestamp - interval '400' day);
alter table settlement_account alter column id restart with 100;

insert into terminal (sn, terminal_id, model, status, activated_on, deposit, ownership, minimum_term_months, registered_address, seen_away_from_address) values
('SN-LD-00000001', 'T0000001', 'LANDI A8',    'ACTIVE', current_date - interval '700' day, 299.00, 'DEPOSIT',   0,  '北京市东城区东直门内大街1号',   false),
('SN-LD-00000002', 'T0000002', 'LANDI A8',    'ACTIVE', current_date - interval '120' day, 199.00, 'DEPOSIT',   12, '上海市静安区南京西路100号',     false),
('SN-LD-00000003', 'T0000003', 'PAX A920',    'ACTIVE', current_date - interval '500' day, 99.00,  'DEPOSIT',   0,  '杭州市西湖区文二西路8号',       false),
('SN-LD-00000004', 'T0000004', 'PAX A920',    'ACTIVE', current_date - interval '500' day, 399.00, 'DEPOSIT',   0,  '深圳市南山区科技园南路6号',     false),
('SN-LD-00000005', 'T0000005', 'NEWLAND N910', 'ACTIVE', current_date - interval '500' day, 99.00, 'DEPOSIT',   0,  '北京市东城区王府井大街20号',    false),
('SN-LD-00000006', 'T0000006', 'NEWLAND N910', 'ACTIVE', current_date - interval '500' day, 99.00, 'DEPOSIT',   0,  '南京市鼓楼区中山路30号',        false),
('SN-LD-00000007', 'T0000007', 'LANDI A8',    'ACTIVE', current_date - interval '500' day, 299.00, 'DEPOSIT',   0,  '成都市锦江区春熙路5号',         true),
('SN-LD-00000008', 'T0000008', 'PAX A920',    'ACTIVE', current_date - interval '900' day, 0,      'PURCHASED', 0,  '北京市朝阳区三里屯路11号',      false),
('SN-LD-00000009', 'T0000009', 'PAX A920',    'ACTIVE', current_date - interval '900' day, 0,      'PURCHASED', 0,  '北京市朝阳区三里屯路11号',      false),
('SN-LD-00000010', 'T0000010', 'LANDI A8',    'ACTIVE', current_date - interval '20' day,  199.00, 'DEPOSIT',   0,  '杭州市滨江区江南大道88号',      false);

insert into binding (terminal_sn, merchant_no, settlement_account_id, bound_at) values
('SN-LD-00000001', '898110000000001', 1, current_timestamp - interval '700' day),
('SN-LD-00000002', '898110000000002', 2, current_timestamp - interval '120' day),
('SN-LD-00000003', '898110000000003', 3, current_timestamp - interval '500' day),
('SN-LD-00000004', '898110000000004', 4, current_timestamp - interval '500' day),
('SN-LD-00000005', '898110000000005', 5, current_timestamp - interval '500' day),
('SN-LD-00000006', '898110000000006', 6, current_timestamp - interval '500' day),
('SN-LD-00000007', '898110000000007', 7, current_timestamp - interval '500' day),
('SN-LD-00000008', '898110000000008', 8, current_timestamp - interval '900' day),
('SN-LD-00000009', '898110000000008', 8, current_timestamp - interval '900' day),
('SN-LD-00000010', '898110000000009', 9, current_timestamp - interval '20' day);

-- T+1: yesterday's takings on terminal T0000003 settle at the next run.
insert into pending_settlement (merchant_no, terminal_sn, amount, settles_at) values
('898110000000003', 'SN-LD-00000003', 1280.50, current_timestamp + interval '1' day);

insert into dispute (merchant_no, kind, status, opened_at) values
('898110000000005', 'CHARGEBACK', 'OPEN', current_timestamp - interval '5' day);

insert into outstanding_fee (merchant_no, amount, description, paid) values
('898110000000006', 68.00, 'SIM data fee 2026', false);
