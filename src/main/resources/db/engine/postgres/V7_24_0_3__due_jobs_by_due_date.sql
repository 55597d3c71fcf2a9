-- Unbind Desk's index of jobs by due date. Every job the engine makes carries one (ensureJobDueDateNotNull,
-- application.yml; jobs made before it get one at each start, JobDueDates), so the job executor's look for due jobs
-- is "DUEDATE_ <= now" rather than "DUEDATE_ is null or DUEDATE_ <= now". Camunda indexes no job by due date, so each
-- look read the whole job table, every timer still waiting (a review's reminder, a deadline) included, to find the
-- few that are due; with this index it reads those few. The embedded H2 database, whose engine tables the engine
-- makes itself, gets the same index from this file at start (EngineConfiguration.engineIndexesPlugin).
create index if not exists UD_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_);
