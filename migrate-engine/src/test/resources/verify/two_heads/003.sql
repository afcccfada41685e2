-- migrate:revision c00000000003
-- migrate:revises c00000000001
-- migrate:message Create tag
-- migrate:up
CREATE TABLE tag (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);
-- migrate:down
DROP TABLE tag;
