-- migrate:revision c10000000001
-- migrate:message Create account
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, full_name VARCHAR(200) NOT NULL);
-- migrate:down
DROP TABLE account;
