CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100));
CREATE INDEX ix_account_email ON account (email);
