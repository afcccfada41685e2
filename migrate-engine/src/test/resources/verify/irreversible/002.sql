-- migrate:revision e00000000002
-- migrate:revises e00000000001
-- migrate:message Add nickname, no down
-- migrate:up
ALTER TABLE account ADD COLUMN nickname VARCHAR(40);
