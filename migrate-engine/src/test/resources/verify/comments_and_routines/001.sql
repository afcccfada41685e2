-- migrate:revision a92000000001
-- migrate:message Create account, described
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, status VARCHAR(10));
-- migrate:up postgresql
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, status VARCHAR(10));
COMMENT ON TABLE account IS 'who signs in';
-- migrate:up mysql
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, status VARCHAR(10)) COMMENT 'who signs in';
-- migrate:down
DROP TABLE account;
