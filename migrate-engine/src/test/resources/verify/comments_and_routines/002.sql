-- migrate:revision a92000000002
-- migrate:revises a92000000001
-- migrate:message Describe the email and add a routine that closes accounts
-- migrate:up postgresql
COMMENT ON COLUMN account.email IS 'login';
COMMENT ON TABLE account IS 'who signs in, and how';
CREATE FUNCTION close_account(account_id integer) RETURNS void LANGUAGE sql AS $$ UPDATE account SET status = 'closed' WHERE id = account_id $$;
CREATE PROCEDURE reopen_all() LANGUAGE sql AS $$ UPDATE account SET status = 'open' $$;
-- migrate:down postgresql
DROP PROCEDURE reopen_all();
DROP FUNCTION close_account(integer);
COMMENT ON TABLE account IS 'who signs in';
COMMENT ON COLUMN account.email IS NULL;
-- migrate:up mysql
ALTER TABLE account MODIFY email VARCHAR(200) NOT NULL COMMENT 'login';
ALTER TABLE account COMMENT 'who signs in, and how';
CREATE FUNCTION is_closed(s VARCHAR(10)) RETURNS BOOLEAN DETERMINISTIC RETURN s = 'closed';
CREATE PROCEDURE close_account(IN account_id INT)
BEGIN
  UPDATE account SET status = 'closed' WHERE id = account_id;
  SELECT ROW_COUNT();
END;
-- migrate:down mysql
DROP PROCEDURE close_account;
DROP FUNCTION is_closed;
ALTER TABLE account COMMENT 'who signs in';
ALTER TABLE account MODIFY email VARCHAR(200) NOT NULL;
-- migrate:up sqlite
-- migrate:down sqlite
