-- migrate:revision a90000000002
-- migrate:revises a90000000001
-- migrate:message Add account name
-- migrate:up
ALTER TABLE account ADD COLUMN name VARCHAR(100);
-- migrate:down
ALTER TABLE account DROP COLUMN name;
