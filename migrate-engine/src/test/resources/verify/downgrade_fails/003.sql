-- migrate:revision f00000000003
-- migrate:revises f00000000002
-- migrate:message Add task note
-- migrate:up
ALTER TABLE task ADD COLUMN note VARCHAR(500);
-- migrate:down
ALTER TABLE task DROP COLUMN note;
