DROP INDEX ix_account_email;
