CREATE TABLE task (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account (id),
  title VARCHAR(200) NOT NULL
);
CREATE INDEX ix_task_account ON task (account_id);
