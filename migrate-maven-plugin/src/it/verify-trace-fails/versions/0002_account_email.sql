-- migrate:revision c4f8a1e6b2d9
-- migrate:revises 2b7d4e9f1a03
-- migrate:message Index account emails
-- migrate:up
CREATE INDEX ix_account_email ON account (email);
-- migrate:down
-- forgets to drop ix_account_email
