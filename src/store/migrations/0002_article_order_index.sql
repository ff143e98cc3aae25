-- The article list (CLI, web view, API) orders by last change: an expression index spares a full sort.
CREATE INDEX articles_by_change ON articles (COALESCE(last_changed_at, first_seen_at) DESC, id DESC);
