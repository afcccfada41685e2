-- migrate:revision a10000000002
-- migrate:revises a10000000001
-- migrate:message Alter a missing table
-- migrate:up
ALTER TABLE no_such_table ADD COLUMN x INTEGER;
-- migrate:down
ALTER TABLE no_such_table DROP COLUMN x;
