-- migrate:revision 7f3e1a9c5b24
-- migrate:message Create notes
-- migrate:up
CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(500) NOT NULL);
-- migrate:down
DROP TABLE note;
