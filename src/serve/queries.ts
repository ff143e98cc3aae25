import type { Article, Revision } from "../model.js";
import type { Store, WatchedArticle } from "../store/store.js";
import { HttpError, optionalPositiveInt, positiveInt } from "./params.js";

/** The public fields of an article: the watcher's fetch state (ETags, errors) stays private. */
export function publicArticle(article: WatchedArticle): Article {
  const {
    etag: _etag,
    lastModified: _lastModified,
    finalChecksLeft: _left,
    consecutiveFailures: _failures,
    lastError: _error,
    ...rest
  } = article;
  return rest;
}

export function articleById(store: Store, idParam: unknown): WatchedArticle {
  const id = positiveInt(idParam, "article id");
  const article = store.getArticle(id);
  if (!article) throw new HttpError(404, `no article with id ${id}`);
  return article;
}

export interface RevisionPair {
  from: Revision;
  to: Revision;
  latestSeq: number;
}

/**
 * `?from=N&to=M`, defaults: `to` the latest revision, `from` the one before `to`. Both must exist and
 * `from` must come before `to`; an article with one revision has no pair yet (404 with that reason).
 */
export function revisionPair(
  store: Store,
  article: Article,
  query: { from?: unknown; to?: unknown },
): RevisionPair {
  const latest = store.latestRevision(article.id);
  if (!latest) throw new HttpError(404, `article ${article.id} has no revisions yet`);
  const toSeq = optionalPositiveInt(query.to, "to") ?? latest.seq;
  const fromSeq = optionalPositiveInt(query.from, "from") ?? toSeq - 1;
  if (fromSeq < 1)
    throw new HttpError(404, `article ${article.id} has only one revision: nothing to compare yet`);
  if (fromSeq >= toSeq) throw new HttpError(400, `from (${fromSeq}) must be lower than to (${toSeq})`);
  const to = toSeq === latest.seq ? latest : store.getRevision(article.id, toSeq);
  if (!to)
    throw new HttpError(404, `article ${article.id} has no revision ${toSeq} (latest is ${latest.seq})`);
  const from = store.getRevision(article.id, fromSeq);
  if (!from) throw new HttpError(404, `article ${article.id} has no revision ${fromSeq}`);
  return { from, to, latestSeq: latest.seq };
}
