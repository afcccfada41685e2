-- migrate:revision e2a6f4c08d19
-- migrate:revises b7d19f3e6a04
-- migrate:message Add task tags
-- migrate:up
CREATE TABLE task_tag (
  task_id INTEGER NOT NULL,
  tag VARCHAR(40) NOT NULL,
  PRIMARY KEY (task_id, tag),
  CONSTRAINT fk_task_tag_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE
);
-- migrate:down
DROP TABLE task_tag;
