-- migrate:revision 5a1c0e7b3d21
-- migrate:message Create accounts
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100));
-- migrate:down
DROP TABLE account;
