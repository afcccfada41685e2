-- Flyway-style: plain SQL, no migrate header
CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  email VARCHAR(200) NOT NULL
);
