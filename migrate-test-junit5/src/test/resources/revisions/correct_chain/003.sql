-- migrate:revision a00000000003
-- migrate:revises a00000000002
-- migrate:message Add task note
-- migrate:up
ALTER TABLE task ADD COLUMN note VARCHAR(500);
CREATE INDEX ix_task_title ON task (title);
-- migrate:down
DROP INDEX ix_task_title;
ALTER TABLE task DROP COLUMN note;
-- migrate:down mysql
DROP INDEX ix_task_title ON task;
ALTER TABLE task DROP COLUMN note;
