-- Production has accounts that share an email: the unique index must cope with them.
INSERT INTO account (id, email) VALUES (1, 'ada@example.com');
INSERT INTO account (id, email) VALUES (2, 'ada@example.com');
