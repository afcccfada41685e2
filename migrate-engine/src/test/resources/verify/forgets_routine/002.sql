-- migrate:revision a91000000002
-- migrate:revises a91000000001
-- migrate:message Add a routine that closes accounts; the down forgets to drop it
-- migrate:up postgresql
CREATE FUNCTION close_account(account_id integer) RETURNS void LANGUAGE sql AS $$ UPDATE account SET status = 'closed' WHERE id = account_id $$;
-- migrate:down postgresql
-- migrate:up mysql
CREATE PROCEDURE close_account(IN account_id INT)
BEGIN
  UPDATE account SET status = 'closed' WHERE id = account_id;
  SELECT ROW_COUNT();
END;
-- migrate:down mysql
-- migrate:up sqlite
-- SQLite has no functions or procedures
-- migrate:down sqlite
