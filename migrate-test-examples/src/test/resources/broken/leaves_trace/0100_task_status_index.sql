-- migrate:revision 0b0000000100
-- migrate:revises 7c3e5a9b1f20
-- migrate:message Index task status (the down forgets the index)
-- migrate:up
ALTER TABLE task ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_task_status ON task (status);
-- migrate:down
ALTER TABLE task DROP COLUMN archived;
