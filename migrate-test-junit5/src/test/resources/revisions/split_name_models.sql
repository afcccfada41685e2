-- The models of the split_name revisions at head.
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  full_name VARCHAR(200) NOT NULL,
  first_name VARCHAR(100),
  last_name VARCHAR(100)
);
