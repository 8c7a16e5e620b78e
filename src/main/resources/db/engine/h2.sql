-- Indexes on the engine's tables that the application's own queries need, beyond those the engine creates.
-- Run by EngineIndexes after every engine start; each statement may run again without harm.

-- Tasklist's 긴급(P1) filter: tasks by their priority (TaskPriorityFromCase gives P1 cases' tasks 80).
CREATE INDEX IF NOT EXISTS CD_IDX_TASK_PRIORITY ON ACT_RU_TASK (PRIORITY_);
-- Tasklist's 기한 초과 filter: tasks due before now.
CREATE INDEX IF NOT EXISTS CD_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);
