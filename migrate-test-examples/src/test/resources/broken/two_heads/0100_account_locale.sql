-- migrate:revision 0c0000000100
-- migrate:revises 7c3e5a9b1f20
-- migrate:message Add account locale
-- migrate:up
ALTER TABLE account ADD COLUMN locale VARCHAR(10);
-- migrate:down
ALTER TABLE account DROP COLUMN locale;
