-- migrate:revision a92000000003
-- migrate:revises a92000000002
-- migrate:message Close accounts with a reason
-- migrate:up postgresql
CREATE OR REPLACE FUNCTION close_account(account_id integer) RETURNS void LANGUAGE sql AS $$ UPDATE account SET status = 'by_user' WHERE id = account_id $$;
-- migrate:down postgresql
CREATE OR REPLACE FUNCTION close_account(account_id integer) RETURNS void LANGUAGE sql AS $$ UPDATE account SET status = 'closed' WHERE id = account_id $$;
-- migrate:up mysql
DROP PROCEDURE close_account;
CREATE PROCEDURE close_account(IN account_id INT)
BEGIN
  UPDATE account SET status = 'by_user' WHERE id = account_id;
  SELECT ROW_COUNT();
END;
-- migrate:down mysql
DROP PROCEDURE close_account;
CREATE PROCEDURE close_account(IN account_id INT)
BEGIN
  UPDATE account SET status = 'closed' WHERE id = account_id;
  SELECT ROW_COUNT();
END;
-- migrate:up sqlite
-- migrate:down sqlite
