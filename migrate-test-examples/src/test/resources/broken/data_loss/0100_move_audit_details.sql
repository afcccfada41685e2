-- migrate:revision 0d0000000100
-- migrate:revises f47b2a8e1d59
-- migrate:message Move audit details into a table of their own (the down loses them)
-- migrate:up
CREATE TABLE audit_detail (audit_id INTEGER NOT NULL PRIMARY KEY, detail TEXT);
INSERT INTO audit_detail (audit_id, detail) SELECT id, detail FROM audit_log WHERE detail IS NOT NULL;
ALTER TABLE audit_log DROP COLUMN detail;
-- migrate:down
ALTER TABLE audit_log ADD COLUMN detail TEXT;
DROP TABLE audit_detail;
