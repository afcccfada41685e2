-- migrate:revision a80000000004
-- migrate:revises a80000000001
-- migrate:message Add account name
-- migrate:up
ALTER TABLE account ADD COLUMN name VARCHAR(100);
-- migrate:down
ALTER TABLE account DROP COLUMN name;
