-- migrate:revision a90000000003
-- migrate:revises a90000000001
-- migrate:message Create tag
-- migrate:up
CREATE TABLE tag (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);
-- migrate:down
DROP TABLE tag;
