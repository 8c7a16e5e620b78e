-- Indexes and planner statistics on the engine's tables that the application's own queries need, beyond those
-- the engine creates. Run by EngineIndexes after every engine start; each statement may run again without harm.

-- Tasklist's 긴급(P1) filter: tasks by their priority (TaskPriorityFromCase gives P1 cases' tasks 80).
CREATE INDEX IF NOT EXISTS cd_idx_task_priority ON act_ru_task (priority_);
-- Tasklist's 기한 초과 filter: tasks due before now.
CREATE INDEX IF NOT EXISTS cd_idx_task_due_date ON act_ru_task (due_date_);

-- With authorizations on, every task query joins the caller's grants and keeps those whose permission bits
-- fit (PERMS_ & 2 = 2 for READ, & 64 for READ_TASK, & 512 for READ_INSTANCE). Without statistics on these
-- expressions PostgreSQL guesses that a few hundred grants fit where there are one per open task, and joins
-- every task to every grant (555 s for one count at 100,000 open cases). With them it looks each task's grants
-- up through the index on RESOURCE_ID_. Expression statistics need PostgreSQL 14 or newer.
CREATE STATISTICS IF NOT EXISTS cd_stat_authorization_perms (mcv)
  ON resource_type_, (perms_ & 2), (perms_ & 64), (perms_ & 512) FROM act_ru_authorization;
ANALYZE act_ru_authorization;
