-- migrate:revision b7d19f3e6a04
-- migrate:revises 8c41e07a5d22
-- migrate:message Add due date to tasks
-- migrate:up
ALTER TABLE task ADD COLUMN due_date DATE;
CREATE INDEX ix_task_status_due ON task (status, due_date);
-- migrate:down mysql
DROP INDEX ix_task_status_due ON task;
ALTER TABLE task DROP COLUMN due_date;
-- migrate:down
DROP INDEX ix_task_status_due;
ALTER TABLE task DROP COLUMN due_date;
