-- migrate:revision f00000000001
-- migrate:message Create task with a check no row meets
-- migrate:up
CREATE TABLE task (id INTEGER PRIMARY KEY, prio INTEGER NOT NULL, CONSTRAINT ck_task_never CHECK (prio * 0 = 1));
-- migrate:down
DROP TABLE task;
