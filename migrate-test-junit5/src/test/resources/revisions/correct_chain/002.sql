-- migrate:revision a00000000002
-- migrate:revises a00000000001
-- migrate:message Create task
-- migrate:up
CREATE TABLE task (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id), title VARCHAR(200) NOT NULL, done BOOLEAN NOT NULL DEFAULT FALSE);
CREATE INDEX ix_task_account ON task (account_id);
-- migrate:down
DROP TABLE task;
