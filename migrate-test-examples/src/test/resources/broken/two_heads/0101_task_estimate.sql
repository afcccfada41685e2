-- migrate:revision 0c0000000101
-- migrate:revises f47b2a8e1d59
-- migrate:message Add task estimate (a second head: nobody merged it)
-- migrate:up
ALTER TABLE task ADD COLUMN estimate_minutes INTEGER;
-- migrate:down
ALTER TABLE task DROP COLUMN estimate_minutes;
