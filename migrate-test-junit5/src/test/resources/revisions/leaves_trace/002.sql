-- migrate:revision d00000000002
-- migrate:revises d00000000001
-- migrate:message Add nickname with index
-- migrate:up
ALTER TABLE account ADD COLUMN nickname VARCHAR(40);
CREATE INDEX ix_account_nickname ON account (full_name);
-- migrate:down postgresql
ALTER TABLE account DROP COLUMN nickname;
-- migrate:down mysql
ALTER TABLE account DROP COLUMN nickname;
-- migrate:down sqlite
ALTER TABLE account DROP COLUMN nickname;
