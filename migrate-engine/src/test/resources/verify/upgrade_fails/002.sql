-- migrate:revision a10000000002
-- migrate:revises a10000000001
-- migrate:message Alter a missing table
-- migrate:up
-- Write the upgrade statements here (a template's comment line).
ALTER TABLE no_such_table ADD COLUMN x INTEGER;
-- migrate:down
ALTER TABLE no_such_table DROP COLUMN x;
