-- migrate:revision a90000000002
-- migrate:revises a90000000001
-- migrate:message Describe account; the down takes the table's comment off but forgets the column's
-- migrate:up postgresql
COMMENT ON TABLE account IS 'who signs in';
COMMENT ON COLUMN account.email IS 'login';
-- migrate:down postgresql
COMMENT ON TABLE account IS NULL;
-- migrate:up mysql
ALTER TABLE account COMMENT 'who signs in';
ALTER TABLE account MODIFY email VARCHAR(200) NOT NULL COMMENT 'login';
-- migrate:down mysql
ALTER TABLE account COMMENT '';
-- migrate:up sqlite
-- SQLite keeps no comments
-- migrate:down sqlite
