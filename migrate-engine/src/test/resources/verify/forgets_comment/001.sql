-- migrate:revision a90000000001
-- migrate:message Create account
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
-- migrate:down
DROP TABLE account;
