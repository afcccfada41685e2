-- migrate:revision a50000000002
-- migrate:revises a50000000001
-- migrate:message Make emails unique (fails where two accounts share one)
-- migrate:up
CREATE UNIQUE INDEX ux_account_email ON account (email);
-- migrate:down
DROP INDEX ux_account_email;
-- migrate:down mysql
DROP INDEX ux_account_email ON account;
