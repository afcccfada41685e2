-- migrate:revision a30000000002
-- migrate:revises a30000000001
-- migrate:message Add status done
-- migrate:up
INSERT INTO status (code) VALUES ('done');
-- migrate:down
-- nothing: forgets the row
