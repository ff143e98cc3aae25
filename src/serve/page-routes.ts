import type { FastifyInstance } from "fastify";
import type { LoadedConfig } from "../config/load.js";
import type { Store } from "../store/store.js";
import type { DiffEngine, DiffLayout } from "./diff-port.js";
import { displayParagraphs } from "./display-html.js";
import { autodiscoveryLinks } from "./feed-links.js";
import { renderArticlePage } from "./pages/article-page.js";
import { renderDiffPage } from "./pages/diff-page.js";
import { renderIndexPage } from "./pages/index-page.js";
import { HttpError, limitParam, tagParam } from "./params.js";
import { articleById, publicArticle, revisionPair } from "./queries.js";

interface Query {
  [key: string]: unknown;
}

function layoutParam(value: unknown): DiffLayout {
  if (value === undefined || value === "" || value === "inline") return "inline";
  if (value === "side-by-side") return "side-by-side";
  throw new HttpError(400, `layout must be "inline" or "side-by-side", got ${JSON.stringify(value)}`);
}

/** Server-rendered pages: no script, one inline stylesheet. */
export function pageRoutes(
  app: FastifyInstance,
  deps: { store: Store; config: LoadedConfig; diff: DiffEngine },
): void {
  const { store, config, diff } = deps;
  const siteFeeds = autodiscoveryLinks(config.publish);

  app.addHook("onSend", async (_request, reply, payload) => {
    if (String(reply.getHeader("content-type") ?? "").startsWith("text/html")) {
      reply.header("cache-control", "no-cache");
    }
    return payload;
  });

  app.get<{ Querystring: Query }>("/", async (request, reply) => {
    const tag = tagParam(request.query.tag);
    const limit = limitParam(request.query.limit, 200, 5000);
    const articles = store.listArticles({ limit, tag }).map(publicArticle);
    return reply
      .type("text/html; charset=utf-8")
      .send(renderIndexPage({ articles, tag, limit, feeds: config.publish }));
  });

  app.get<{ Params: { id: string } }>("/articles/:id", async (request, reply) => {
    const article = articleById(store, request.params.id);
    const revisions = store.listRevisions(article.id);
    const latest = revisions.at(-1);
    const page = renderArticlePage({
      article: publicArticle(article),
      revisions,
      events: store.listEvents(article.id),
      latestHtml: latest ? displayParagraphs(latest.paragraphs, article.url) : [],
      siteFeeds,
    });
    return reply.type("text/html; charset=utf-8").send(page);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>("/articles/:id/diff", async (request, reply) => {
    const article = articleById(store, request.params.id);
    const layout = layoutParam(request.query.layout);
    const pair = revisionPair(store, article, request.query);
    const change = diff.diff(pair.from, pair.to);
    const page = renderDiffPage({
      article: publicArticle(article),
      ...pair,
      change,
      layout,
      bodyHtml: diff.renderHtml(change, layout),
      siteFeeds,
    });
    return reply.type("text/html; charset=utf-8").send(page);
  });
}
