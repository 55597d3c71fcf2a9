-- China's working calendar: public holidays and the weekend days worked instead (调休), as the State Council
-- publishes them each November (国务院办公厅关于2026年部分节假日安排的通知, 2025年11月4日). A day not listed is a
-- working day from Monday to Friday. Operations add the next year's schedule when it is published (PUT
-- /api/calendar/{day}, or a migration); until then that year counts weekends only, and the service says so at start.
create table business_calendar (
    calendar_day date        primary key,
    working      boolean     not null,
    name         varchar(40) not null
);
insert into business_calendar (calendar_day, working, name) values
    ('2026-01-01', false, '元旦'),
    ('2026-01-02', false, '元旦'),
    ('2026-01-03', false, '元旦'),
    ('2026-01-04', true, '元旦调休上班'),
    ('2026-02-14', true, '春节调休上班'),
    ('2026-02-15', false, '春节'),
    ('2026-02-16', false, '春节'),
    ('2026-02-17', false, '春节'),
    ('2026-02-18', false, '春节'),
    ('2026-02-19', false, '春节'),
    ('2026-02-20', false, '春节'),
    ('2026-02-21', false, '春节'),
    ('2026-02-22', false, '春节'),
    ('2026-02-23', false, '春节'),
    ('2026-02-28', true, '春节调休上班'),
    ('2026-04-04', false, '清明节'),
    ('2026-04-05', false, '清明节'),
    ('2026-04-06', false, '清明节'),
    ('2026-05-01', false, '劳动节'),
    ('2026-05-02', false, '劳动节'),
    ('2026-05-03', false, '劳动节'),
    ('2026-05-04', false, '劳动节'),
    ('2026-05-05', false, '劳动节'),
    ('2026-05-09', true, '劳动节调休上班'),
    ('2026-06-19', false, '端午节'),
    ('2026-06-20', false, '端午节'),
    ('2026-06-21', false, '端午节'),
    ('2026-09-20', true, '国庆节调休上班'),
    ('2026-09-25', false, '中秋节'),
    ('2026-09-26', false, '中秋节'),
    ('2026-09-27', false, '中秋节'),
    ('2026-10-01', false, '国庆节'),
    ('2026-10-02', false, '国庆节'),
    ('2026-10-03', false, '国庆节'),
    ('2026-10-04', false, '国庆节'),
    ('2026-10-05', false, '国庆节'),
    ('2026-10-06', false, '国庆节'),
    ('2026-10-07', false, '国庆节'),
    ('2026-10-10', true, '国庆节调休上班');
