-- migrate:revision 0b0000000100
-- migrate:revises f47b2a8e1d59
-- migrate:message Archive tasks, index titles (the down forgets the index)
-- migrate:up
ALTER TABLE task ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_task_title ON task (title);
-- migrate:down
ALTER TABLE task DROP COLUMN archived;
