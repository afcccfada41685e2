-- migrate:revision c10000000002
-- migrate:revises c10000000001
-- migrate:message Split the full name
-- migrate:up
ALTER TABLE account ADD COLUMN first_name VARCHAR(100);
ALTER TABLE account ADD COLUMN last_name VARCHAR(100);
UPDATE account SET first_name = substr(full_name, 1, instr(full_name, ' ') - 1), last_name = substr(full_name, instr(full_name, ' ') + 1);
-- migrate:up postgresql
ALTER TABLE account ADD COLUMN first_name VARCHAR(100);
ALTER TABLE account ADD COLUMN last_name VARCHAR(100);
UPDATE account SET first_name = split_part(full_name, ' ', 1), last_name = substr(full_name, strpos(full_name, ' ') + 1);
-- migrate:up mysql
ALTER TABLE account ADD COLUMN first_name VARCHAR(100);
ALTER TABLE account ADD COLUMN last_name VARCHAR(100);
UPDATE account SET first_name = SUBSTRING_INDEX(full_name, ' ', 1), last_name = SUBSTRING(full_name, LOCATE(' ', full_name) + 1);
-- migrate:down
ALTER TABLE account DROP COLUMN last_name;
ALTER TABLE account DROP COLUMN first_name;
