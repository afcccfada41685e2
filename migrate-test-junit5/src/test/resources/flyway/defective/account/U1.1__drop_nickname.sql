-- forgets the column
SELECT 1;
