-- Unbind Desk has no tenants and no CMMN cases: the engine's tenant and case-instance columns are empty in every row.
-- Camunda indexes them all the same, and every row the engine writes to these tables adds an entry to each such
-- index; no query of the service, Tasklist, Cockpit or the history cleanup looks a row up by them here. The
-- embedded H2 database, whose engine tables the engine makes itself, drops them from this file at start
-- (EngineConfiguration.engineIndexesPlugin). Before a later engine's upgrade script runs, see docs/operations.md.
drop index if exists ACT_IDX_EXEC_TENANT_ID;
drop index if exists ACT_IDX_TASK_TENANT_ID;
drop index if exists ACT_IDX_EVENT_SUBSCR_TENANT_ID;
drop index if exists ACT_IDX_VARIABLE_TENANT_ID;
drop index if exists ACT_IDX_INC_TENANT_ID;
drop index if exists ACT_IDX_JOB_TENANT_ID;
drop index if exists ACT_IDX_HI_PRO_INST_TENANT_ID;
drop index if exists ACT_IDX_HI_ACT_INST_TENANT_ID;
drop index if exists ACT_IDX_HI_TASK_INST_TENANT_ID;
drop index if exists ACT_IDX_HI_IDENT_LNK_TENANT_ID;
drop index if exists ACT_IDX_HI_VAR_INST_TENANT_ID;
drop index if exists ACT_IDX_HI_CASEVAR_CASE_INST;
drop index if exists ACT_IDX_HI_DEC_INST_TENANT_ID;
drop index if exists ACT_IDX_HI_DEC_INST_CI;
drop index if exists ACT_IDX_HI_INCIDENT_TENANT_ID;
drop index if exists ACT_IDX_HI_JOB_LOG_TENANT_ID;
drop index if exists ACT_IDX_HI_DETAIL_TENANT_ID;
drop index if exists ACT_IDX_HI_DETAIL_CASE_INST;
drop index if exists ACT_IDX_HI_DETAIL_CASE_EXEC;
