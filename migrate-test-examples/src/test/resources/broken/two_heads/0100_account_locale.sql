-- migrate:revision 0c0000000100
-- migrate:revises f47b2a8e1d59
-- migrate:message Add account locale
-- migrate:up
ALTER TABLE account ADD COLUMN locale VARCHAR(10);
-- migrate:down
ALTER TABLE account DROP COLUMN locale;
