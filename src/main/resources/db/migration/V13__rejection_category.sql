-- What kind of reason a case was rejected for, chosen by the reviewer from a list (RejectionCategory): the dashboard
-- groups rejections by it; the reviewer's own words stay in outcome_reason. Cases rejected before have none.
alter table unbinding_case add column rejection_category varchar(30);
