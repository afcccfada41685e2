-- migrate:revision 2b7d4e9f1a03
-- migrate:message Create accounts
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
-- migrate:down
DROP TABLE account;
