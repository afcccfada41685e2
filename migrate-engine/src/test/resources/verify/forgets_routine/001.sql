-- migrate:revision a91000000001
-- migrate:message Create account
-- migrate:up
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, status VARCHAR(10));
-- migrate:down
DROP TABLE account;
