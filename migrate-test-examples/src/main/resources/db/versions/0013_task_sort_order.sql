-- migrate:revision f47b2a8e1d59
-- migrate:revises 6c0d9e2b8a35
-- migrate:message Add task sort order
-- migrate:up
ALTER TABLE task ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_task_board_order ON task (board_id, sort_order);
-- migrate:down mysql
DROP INDEX ix_task_board_order ON task;
ALTER TABLE task DROP COLUMN sort_order;
-- migrate:down
DROP INDEX ix_task_board_order;
ALTER TABLE task DROP COLUMN sort_order;
