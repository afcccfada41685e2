-- migrate:revision a30000000001
-- migrate:message Create status
-- migrate:up
CREATE TABLE status (code VARCHAR(10) PRIMARY KEY);
-- migrate:down
DROP TABLE status;
