-- migrate:revision a10000000003
-- migrate:revises a10000000002
-- migrate:message Add nickname
-- migrate:up
ALTER TABLE account ADD COLUMN nickname VARCHAR(40);
-- migrate:down
ALTER TABLE account DROP COLUMN nickname;
