-- migrate:revision e10000000001
-- migrate:message Create note
-- migrate:up
CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(200) NOT NULL);
-- migrate:down
DROP TABLE note;
