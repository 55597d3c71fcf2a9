-- Demo: the English-speaking company reads its notices by e-mail, the tea house on WeChat; everyone else by SMS.
update merchant set notice_channel = 'EMAIL', email = 'finance@hemu-coffee.example' where merchant_no = '898110000000002';
update merchant set notice_channel = 'WECHAT', wechat_open_id = 'demo-openid-0007' where merchant_no = '898110000000007';
