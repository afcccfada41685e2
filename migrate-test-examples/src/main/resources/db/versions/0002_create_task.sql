-- migrate:revision 8c41e07a5d22
-- migrate:revises 3f2a9c1d7b10
-- migrate:message Create task table
-- migrate:up
CREATE TABLE task (
  id INTEGER NOT NULL PRIMARY KEY,
  owner_id BIGINT NOT NULL,
  title VARCHAR(200) NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'open',
  CONSTRAINT fk_task_owner FOREIGN KEY (owner_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_task_owner ON task (owner_id);
-- migrate:down
DROP TABLE task;
