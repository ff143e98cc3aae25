-- revfeed schema 1: sources, articles, revisions, events, fetch state.
-- Times are ISO 8601 UTC strings; JSON columns hold arrays or objects.

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  profile TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_success_at TEXT,
  next_poll_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  extract_failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  source_id TEXT NOT NULL,
  site_id TEXT,
  lang TEXT,
  title TEXT NOT NULL DEFAULT '',
  published_at TEXT,
  first_seen_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'watching',
  last_changed_at TEXT,
  last_checked_at TEXT,
  next_check_at TEXT,
  final_checks_left INTEGER NOT NULL DEFAULT 0,
  etag TEXT,
  last_modified TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  revision_count INTEGER NOT NULL DEFAULT 0,
  tags TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX articles_next_check ON articles (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX articles_last_changed ON articles (last_changed_at);
CREATE INDEX articles_site_id ON articles (site_id);

-- Every feed an article was seen in (an item may appear in several feeds).
CREATE TABLE article_sources (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  source_id TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (article_id, source_id)
);

-- Stored revisions are never updated in their text or dropped; only tags may be recomputed (retag).
CREATE TABLE revisions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  seq INTEGER NOT NULL,
  observed_at TEXT NOT NULL,
  title TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  hash TEXT NOT NULL,
  developing INTEGER NOT NULL,
  event TEXT,
  revert_of INTEGER,
  labels TEXT NOT NULL DEFAULT '[]',
  minor INTEGER NOT NULL DEFAULT 0,
  words_added INTEGER NOT NULL DEFAULT 0,
  words_removed INTEGER NOT NULL DEFAULT 0,
  tags TEXT NOT NULL DEFAULT '[]',
  http_status INTEGER,
  etag TEXT,
  last_modified TEXT,
  final_url TEXT,
  UNIQUE (article_id, seq)
);
CREATE INDEX revisions_observed ON revisions (observed_at);
CREATE INDEX revisions_hash ON revisions (article_id, hash);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX events_article ON events (article_id, at);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
