-- migrate:revision a60000000002
-- migrate:revises a60000000001
-- migrate:message Clear names (a data step whose down cannot bring them back)
-- migrate:up
UPDATE account SET full_name = NULL;
-- migrate:down
-- nothing to undo, says the author
