-- migrate:revision 0d0000000100
-- migrate:revises 7c3e5a9b1f20
-- migrate:message Move task status to a code table (the down loses every status)
-- migrate:up
CREATE TABLE task_status (code VARCHAR(20) NOT NULL PRIMARY KEY);
INSERT INTO task_status (code) SELECT DISTINCT status FROM task;
DROP INDEX ix_task_status_due;
ALTER TABLE task DROP COLUMN status;
-- migrate:up mysql
CREATE TABLE task_status (code VARCHAR(20) NOT NULL PRIMARY KEY);
INSERT INTO task_status (code) SELECT DISTINCT status FROM task;
DROP INDEX ix_task_status_due ON task;
ALTER TABLE task DROP COLUMN status;
-- migrate:down
ALTER TABLE task ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'open';
CREATE INDEX ix_task_status_due ON task (status, due_date);
DROP TABLE task_status;
