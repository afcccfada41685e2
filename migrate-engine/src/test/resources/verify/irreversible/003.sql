-- migrate:revision e00000000003
-- migrate:revises e00000000002
-- migrate:message Load reference data
-- migrate:up
CREATE TABLE country (code CHAR(2) PRIMARY KEY, name VARCHAR(80) NOT NULL);
INSERT INTO country (code, name) VALUES ('FR', 'France');
-- migrate:down irreversible
