-- Unbind Desk's own index on an engine table. The case view (GET and the 201 answer of POST /api/unbinding-cases)
-- asks which messages a case waits for: the event subscriptions of one process instance. Camunda indexes them by
-- execution, event name and configuration, not by process instance, so each such look read every subscription of
-- every open case. The embedded H2 database, whose engine tables the engine makes itself, gets the same index from
-- this file at start (EngineConfiguration.engineIndexesPlugin).
create index if not exists UD_IDX_EVENT_SUBSCR_PROC_INST on ACT_RU_EVENT_SUBSCR (PROC_INST_ID_);
