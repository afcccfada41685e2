-- migrate:revision a80000000002
-- migrate:message Create product (a second root)
-- migrate:branch-labels products
-- migrate:up
CREATE TABLE product (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
-- migrate:down
DROP TABLE product;
