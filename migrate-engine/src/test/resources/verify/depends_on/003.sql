-- migrate:revision a80000000003
-- migrate:revises a80000000002
-- migrate:depends-on a80000000001
-- migrate:message Orders: products that accounts bought (depends on the accounts branch)
-- migrate:up
CREATE TABLE purchase (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id), product_id INTEGER NOT NULL REFERENCES product (id));
-- migrate:down
DROP TABLE purchase;
