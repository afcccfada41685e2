-- The models of the correct_chain fixture at head.
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, full_name VARCHAR(120));
CREATE UNIQUE INDEX ux_account_email ON account (email);
CREATE TABLE task (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id), title VARCHAR(200) NOT NULL, done BOOLEAN NOT NULL DEFAULT FALSE, note VARCHAR(400));
CREATE INDEX ix_task_account ON task (account_id);
CREATE INDEX ix_task_title ON task (title);
CREATE TABLE label (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);
