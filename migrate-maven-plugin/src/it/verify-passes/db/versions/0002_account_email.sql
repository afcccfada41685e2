-- migrate:revision 9e4b2f6a8c10
-- migrate:revises 5a1c0e7b3d21
-- migrate:message Index account emails
-- migrate:up
CREATE INDEX ix_account_email ON account (email);
-- migrate:down mysql
DROP INDEX ix_account_email ON account;
-- migrate:down
DROP INDEX ix_account_email;
