-- migrate:revision a93000000002
-- migrate:revises a93000000001
-- migrate:message Purge through the routine, naming no table; the down cannot bring the rows back
-- migrate:up postgresql
SELECT purge_accounts();
-- migrate:up mysql
CALL purge_accounts();
-- migrate:up sqlite
-- migrate:down
