-- Before each check the watcher reads the latest revision's seq, hash and marker of every due article
-- (check-queries.ts). Those columns sit after `paragraphs` in the row, whose overflow pages SQLite walks
-- to reach them; this index holds them, so the read never touches a row (10,000 heads: 131 -> 33 ms).
CREATE INDEX revisions_head ON revisions (article_id, seq, hash, developing);
