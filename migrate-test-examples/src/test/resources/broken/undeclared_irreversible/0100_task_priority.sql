-- migrate:revision 0a0000000100
-- migrate:revises 7c3e5a9b1f20
-- migrate:message Add task priority (forgets its down)
-- migrate:up
ALTER TABLE task ADD COLUMN priority INTEGER NOT NULL DEFAULT 3;
