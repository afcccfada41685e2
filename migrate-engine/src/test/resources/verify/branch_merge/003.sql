-- migrate:revision b00000000003
-- migrate:revises b00000000001
-- migrate:message Create tag
-- migrate:up
CREATE TABLE tag (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE);
-- migrate:down
DROP TABLE tag;
