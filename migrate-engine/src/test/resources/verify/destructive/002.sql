-- migrate:revision a20000000002
-- migrate:revises a20000000001
-- migrate:message Drop full name
-- migrate:up
ALTER TABLE account DROP COLUMN full_name;
-- migrate:down
ALTER TABLE account ADD COLUMN full_name VARCHAR(120);
