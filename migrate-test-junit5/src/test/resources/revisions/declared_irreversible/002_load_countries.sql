-- migrate:revision 0000000000d2
-- migrate:revises a00000000001
-- migrate:message Load countries
-- migrate:up
CREATE TABLE country (code CHAR(2) PRIMARY KEY, name VARCHAR(80) NOT NULL);
-- migrate:down irreversible
