import type { WatchedArticle } from "../store/store.js";
import { configFrom, type GlobalOptions, openReadStore } from "./common.js";
import { type CliIO, print } from "./io.js";

export interface ArticlesOptions extends GlobalOptions {
  json?: boolean;
  tag?: string;
  limit?: string;
}

export function articlesCommand(io: CliIO, options: ArticlesOptions): void {
  const config = configFrom(io, options);
  const store = openReadStore(config);
  try {
    const limit = options.limit ? Number(options.limit) : undefined;
    const articles = store.listArticles({ tag: options.tag, limit });
    if (options.json) {
      print(io.stdout, JSON.stringify({ articles: articles.map(publicArticle) }, null, 2));
      return;
    }
    if (articles.length === 0) {
      print(io.stdout, "No articles yet: run `revfeed once` to poll the configured sources.");
      return;
    }
    for (const a of articles) print(io.stdout, articleLine(a));
  } finally {
    store.close();
  }
}

export function publicArticle(a: WatchedArticle) {
  return {
    id: a.id,
    url: a.url,
    key: a.key,
    siteId: a.siteId,
    sourceId: a.sourceId,
    lang: a.lang,
    title: a.title,
    status: a.status,
    publishedAt: a.publishedAt,
    firstSeenAt: a.firstSeenAt,
    lastChangedAt: a.lastChangedAt,
    lastCheckedAt: a.lastCheckedAt,
    nextCheckAt: a.nextCheckAt,
    revisionCount: a.revisionCount,
    tags: a.tags,
    lastError: a.lastError,
  };
}

function articleLine(a: WatchedArticle): string {
  const changed = (a.lastChangedAt ?? a.firstSeenAt).slice(0, 16).replace("T", " ");
  const tags = a.tags.length > 0 ? ` [${a.tags.join(", ")}]` : "";
  const revs = `${a.revisionCount} rev${a.revisionCount === 1 ? "" : "s"}`;
  return `${String(a.id).padStart(5)}  ${a.status.padEnd(10)} ${revs.padEnd(8)} ${changed}  ${a.title || a.url}${tags}`;
}
