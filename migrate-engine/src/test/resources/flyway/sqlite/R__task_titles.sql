CREATE VIEW task_titles AS SELECT id, title FROM task;
