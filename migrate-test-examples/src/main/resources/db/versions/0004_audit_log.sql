-- migrate:revision 51ce0a8b9e37
-- migrate:revises b7d19f3e6a04
-- migrate:message Create audit log
-- migrate:branch-labels audit
-- migrate:up
CREATE TABLE audit_log (
  id INTEGER NOT NULL PRIMARY KEY,
  account_id BIGINT,
  action VARCHAR(50) NOT NULL,
  detail TEXT,
  CONSTRAINT fk_audit_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL
);
-- migrate:down
DROP TABLE audit_log;
