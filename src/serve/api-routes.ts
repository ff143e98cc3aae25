import type { FastifyInstance } from "fastify";
import type { Store } from "../store/store.js";
import type { DiffEngine } from "./diff-port.js";
import { limitParam, tagParam } from "./params.js";
import { articleById, publicArticle, revisionPair } from "./queries.js";

interface Query {
  [key: string]: unknown;
}

/** Revision metadata without the text, for listings that link to the full revision. */
function revisionSummary(r: { seq: number; observedAt: string; title: string }) {
  return { seq: r.seq, observedAt: r.observedAt, title: r.title };
}

/**
 * JSON API. Shapes:
 * - `/api/articles?tag=&limit=` → `{ articles: Article[] }` (newest change first, limit default 100, max 5000)
 * - `/api/articles/<id>` → `{ article: Article, latest: Revision | null, events: ArticleEvent[] }`
 * - `/api/articles/<id>/revisions` → `{ articleId, revisions: Revision[] }` (oldest first)
 * - `/api/articles/<id>/diff?from=N&to=M` → `{ articleId, from, to, diff }` (`diff`: the engine's versioned JSON)
 */
export function apiRoutes(app: FastifyInstance, deps: { store: Store; diff: DiffEngine }): void {
  const { store, diff } = deps;

  app.get<{ Querystring: Query }>("/api/articles", async (request) => {
    const tag = tagParam(request.query.tag);
    const limit = limitParam(request.query.limit, 100, 5000);
    return { articles: store.listArticles({ limit, tag }).map(publicArticle) };
  });

  app.get<{ Params: { id: string } }>("/api/articles/:id", async (request) => {
    const article = articleById(store, request.params.id);
    return {
      article: publicArticle(article),
      latest: store.latestRevision(article.id),
      events: store.listEvents(article.id),
    };
  });

  app.get<{ Params: { id: string } }>("/api/articles/:id/revisions", async (request) => {
    const article = articleById(store, request.params.id);
    return { articleId: article.id, revisions: store.listRevisions(article.id) };
  });

  app.get<{ Params: { id: string }; Querystring: Query }>("/api/articles/:id/diff", async (request) => {
    const article = articleById(store, request.params.id);
    const { from, to } = revisionPair(store, article, request.query);
    return {
      articleId: article.id,
      from: revisionSummary(from),
      to: revisionSummary(to),
      diff: diff.renderJson(diff.diff(from, to)),
    };
  });
}
