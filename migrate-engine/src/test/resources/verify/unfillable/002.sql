-- migrate:revision f00000000002
-- migrate:revises f00000000001
-- migrate:message Add a note to task
-- migrate:up
ALTER TABLE task ADD COLUMN note VARCHAR(40);
-- migrate:down
ALTER TABLE task DROP COLUMN note;
