-- migrate:revision a00000000001
-- migrate:message Create account
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, full_name VARCHAR(120));
CREATE UNIQUE INDEX ux_account_email ON account (email);
-- migrate:down
DROP TABLE account;
