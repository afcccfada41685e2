-- migrate:revision 2e9c6b0d4f87
-- migrate:revises d5f1a7c3e924
-- migrate:message Lower-case account emails
-- Accounts sign in by email in any case from now on; the case they typed is not kept, so there
-- is nothing to go back to.
-- migrate:up
UPDATE account SET email = LOWER(email);
-- migrate:down irreversible
