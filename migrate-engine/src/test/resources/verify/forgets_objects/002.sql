-- migrate:revision a70000000002
-- migrate:revises a70000000001
-- migrate:message Add a view, a trigger and more; the down forgets all but the column
-- migrate:up postgresql
ALTER TABLE account ADD COLUMN kind VARCHAR(10);
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE SEQUENCE invoice_no START 1000;
CREATE VIEW active_account AS SELECT id, email FROM account WHERE status = 'active';
CREATE FUNCTION touch_account() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.email := lower(NEW.email); RETURN NEW; END $$;
CREATE TRIGGER trg_account_touch BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION touch_account();
CREATE INDEX ix_account_active ON account (email) WHERE status = 'active';
CREATE INDEX ix_account_lower ON account (lower(email));
-- migrate:down postgresql
ALTER TABLE account DROP COLUMN kind;
-- migrate:up mysql
ALTER TABLE account ADD COLUMN kind VARCHAR(10);
CREATE VIEW active_account AS SELECT id, email FROM account WHERE status = 'active';
CREATE TRIGGER trg_account_touch BEFORE INSERT ON account FOR EACH ROW SET NEW.email = lower(NEW.email);
-- migrate:down mysql
ALTER TABLE account DROP COLUMN kind;
-- migrate:up sqlite
ALTER TABLE account ADD COLUMN kind VARCHAR(10);
CREATE VIEW active_account AS SELECT id, email FROM account WHERE status = 'active';
CREATE TRIGGER trg_account_touch AFTER INSERT ON account BEGIN UPDATE account SET email = lower(email) WHERE id = NEW.id; END;
CREATE INDEX ix_account_active ON account (email) WHERE status = 'active';
-- migrate:down sqlite
ALTER TABLE account DROP COLUMN kind;
