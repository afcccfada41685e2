-- migrate:revision 1b6d8e2f4a97
-- migrate:revises 7f3e1a9c5b24
-- migrate:message Add note titles
-- migrate:up
ALTER TABLE note ADD COLUMN title VARCHAR(100);
-- migrate:down
ALTER TABLE note DROP COLUMN title;
