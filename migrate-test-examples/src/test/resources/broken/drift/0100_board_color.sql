-- migrate:revision 0e0000000100
-- migrate:revises f47b2a8e1d59
-- migrate:message Add board colour (the entities were not told)
-- migrate:up
ALTER TABLE board ADD COLUMN color VARCHAR(7);
-- migrate:down
ALTER TABLE board DROP COLUMN color;
