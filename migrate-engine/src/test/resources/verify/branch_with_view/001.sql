-- migrate:revision a90000000001
-- migrate:message Create account and a view of it (MySQL cannot clone views: its branches are replayed)
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
CREATE VIEW account_email AS SELECT id, email FROM account;
-- migrate:down
DROP VIEW account_email;
DROP TABLE account;
