CREATE TABLE task (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account (id),
  title VARCHAR(200) NOT NULL
);
INSERT INTO task (id, account_id, title) SELECT id, id, 'welcome' FROM account;
