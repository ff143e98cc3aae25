import { type ManualClock, MINUTE } from "../../src/clock.js";
import type { Paragraph, TagResult } from "../../src/model.js";
import type { Store } from "../../src/store/store.js";
import { contentHash } from "../../src/watch/normalize.js";
import { articleText } from "./pages.js";

/** A long stored history for the publishing benchmark: articles with many revisions each. */

const OTS: TagResult[] = [{ tag: "ots", evidence: [] }];

/** Three short paragraphs per revision keep a 100,000-revision store near 100 MB. */
function revisionText(base: { title: string; paragraphs: string[] }, version: number) {
  const texts = base.paragraphs.slice(0, 3).map((p) => p.slice(0, 160));
  if (version > 0)
    texts.push(`Дополнено (${version}): ${base.paragraphs[3 + (version % 6)]?.slice(0, 120) ?? ""}`);
  return {
    title: base.title,
    paragraphs: texts.map((text): Paragraph => ({ text, html: `<p>${text}</p>` })),
  };
}

/** One revision through the store's own write path, as a check records it. */
export function addRevision(store: Store, articleId: number, version: number, at: string): void {
  const { title, paragraphs } = revisionText(articleText(articleId, 0), version);
  store.recordCheck(articleId, {
    revision: {
      observedAt: at,
      title,
      paragraphs,
      hash: contentHash(
        title,
        paragraphs.map((p) => p.text),
      ),
      developing: false,
      event: null,
      revertOf: null,
      labels: version === 0 ? ["new"] : ["appended"],
      minor: false,
      wordsAdded: 20,
      wordsRemoved: 0,
      tags: articleId % 10 === 3 ? OTS : [],
      httpStatus: 200,
      etag: `"v${version}"`,
      lastModified: null,
      finalUrl: null,
    },
    article: { lastChangedAt: at, lastCheckedAt: at, title },
  });
}

/**
 * The history is written with plain INSERTs in one transaction (Store.recordCheck per revision would take
 * minutes for 100,000 rows): same tables, same columns, as the store's schema defines them.
 */
export function buildHistory(
  store: Store,
  articles: number,
  perArticle: number,
  clock: ManualClock,
): number[] {
  const db = store.db;
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, key, url, source_id, site_id, lang, title, first_seen_at, status, next_check_at)
       VALUES (?, ?, ?, 'bench', ?, 'ru', ?, ?, 'watching', NULL)`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (article_id, seq, observed_at, title, paragraphs, hash, developing, labels, minor,
         words_added, words_removed, tags, http_status, etag)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, 20, 0, ?, 200, ?)`,
  );
  const finish = db.prepare(
    "UPDATE articles SET revision_count = ?, last_changed_at = ?, last_checked_at = ?, tags = ? WHERE id = ?",
  );
  const ids = Array.from({ length: articles }, (_, i) => i + 1);
  const texts = ids.map((id) => articleText(id, 0));
  const start = clock.now().toISOString();
  db.transaction(() => {
    for (const id of ids) {
      const t = texts[id - 1] as { title: string };
      insertArticle.run(
        id,
        `bench/${id}`,
        `http://127.0.0.1:1/bench/business/${id}.html`,
        String(id),
        t.title,
        start,
      );
    }
    // Revisions land a few seconds apart, article after article, round after round: a long history.
    const last = new Map<number, string>();
    for (let v = 0; v < perArticle; v++) {
      for (const id of ids) {
        clock.advance(MINUTE / 10);
        const at = clock.now().toISOString();
        const { title, paragraphs } = revisionText(
          texts[id - 1] as { title: string; paragraphs: string[] },
          v,
        );
        const tags = id % 10 === 3 ? OTS : [];
        const hash = contentHash(
          title,
          paragraphs.map((p) => p.text),
        );
        const labels = v === 0 ? ["new"] : ["appended"];
        insertRevision.run(
          id,
          v + 1,
          at,
          title,
          JSON.stringify(paragraphs),
          hash,
          JSON.stringify(labels),
          JSON.stringify(tags),
          `"v${v}"`,
        );
        last.set(id, at);
      }
    }
    for (const id of ids) {
      const at = last.get(id) ?? start;
      finish.run(perArticle, at, at, JSON.stringify(id % 10 === 3 ? ["ots"] : []), id);
    }
  })();
  return ids;
}

/**
 * A watcher's first cycle as the publisher sees it: `articles` new articles with one full-length revision
 * each (the whole generated text, not the short history paragraphs), written with plain INSERTs.
 */
export function buildNewArticles(store: Store, articles: number, clock: ManualClock): number[] {
  const db = store.db;
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, key, url, source_id, site_id, lang, title, first_seen_at, status, next_check_at,
         revision_count, last_changed_at, last_checked_at, tags)
       VALUES (?, ?, ?, 'bench', ?, 'ru', ?, ?, 'watching', NULL, 1, ?, ?, ?)`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (article_id, seq, observed_at, title, paragraphs, hash, developing, labels, minor,
         words_added, words_removed, tags, http_status, etag)
       VALUES (?, 1, ?, ?, ?, ?, 0, '["new"]', 0, 300, 0, ?, 200, '"v0"')`,
  );
  const ids = Array.from({ length: articles }, (_, i) => i + 1);
  db.transaction(() => {
    for (const id of ids) {
      clock.advance(MINUTE / 100);
      const at = clock.now().toISOString();
      const { title, paragraphs } = articleText(id, 0);
      const stored = paragraphs.map((text): Paragraph => ({ text, html: `<p>${text}</p>` }));
      const tags = id % 10 === 3 ? OTS : [];
      insertArticle.run(
        id,
        `bench/${id}`,
        `http://127.0.0.1:1/bench/business/${id}.html`,
        String(id),
        title,
        at,
        at,
        at,
        JSON.stringify(tags.map((t) => t.tag)),
      );
      insertRevision.run(
        id,
        at,
        title,
        JSON.stringify(stored),
        contentHash(title, paragraphs),
        JSON.stringify(tags),
      );
    }
  })();
  return ids;
}
