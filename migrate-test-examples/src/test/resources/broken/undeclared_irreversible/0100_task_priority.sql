-- migrate:revision 0a0000000100
-- migrate:revises f47b2a8e1d59
-- migrate:message Add task priority (forgets its down)
-- migrate:up
ALTER TABLE task ADD COLUMN priority INTEGER NOT NULL DEFAULT 3;
