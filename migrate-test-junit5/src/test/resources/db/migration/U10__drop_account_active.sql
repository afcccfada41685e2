ALTER TABLE account DROP COLUMN active;
