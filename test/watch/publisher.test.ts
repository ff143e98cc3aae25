import { readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { type LoadedConfig, parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import type { ChangeLabel } from "../../src/model.js";
import { Store } from "../../src/store/store.js";
import { createPublisher } from "../../src/watch/publisher.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The publisher keeps snapshots between publishes and rebuilds a changed article from its newer revisions
 * only (stored revisions never change). Whatever it keeps, its files must be what a fresh publisher, which
 * reads everything from the store, writes for the same store.
 */

const tempDir = useTempDir("revfeed-publisher-");
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const YAML = `baseUrl: http://localhost:8080
sources:
  - id: local
    url: http://127.0.0.1:1/feed.rss
publish:
  - name: all
    title: All
  - name: ots
    title: OTS
    tags: [ots]
    limit: 2
`;

function config(dir: string, feeds: string): LoadedConfig {
  return {
    ...parseConfig(YAML, path.join(dir, "revfeed.config.yaml"), dir),
    feedsDir: path.join(dir, feeds),
  };
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out.set(name, readFileSync(file, "utf8"));
  }
  return out;
}

function setup() {
  const dir = tempDir();
  const store = Store.open(path.join(dir, "state"));
  stores.push(store);
  const clock = new ManualClock("2025-10-24T10:00:00.000Z");
  const texts = new Map<number, string[]>();
  const add = (title: string, tags: string[] = []) => {
    const n = texts.size + 1;
    const { article } = store.upsertArticle(
      {
        key: `local/${n}`,
        url: `https://example.org/news/${n}.html`,
        sourceId: "local",
        siteId: String(n),
        lang: "ru",
        title,
        publishedAt: null,
      },
      clock.now().toISOString(),
    );
    texts.set(article.id, []);
    revise(article.id, `Первый абзац статьи ${n}.`, ["new"], tags);
    return article.id;
  };
  const revise = (id: number, paragraph: string, labels: ChangeLabel[], tags: string[] = []) => {
    clock.advance(MINUTE);
    const at = clock.now().toISOString();
    const paragraphs = [...(texts.get(id) ?? []), paragraph];
    texts.set(id, paragraphs);
    store.recordCheck(id, {
      revision: {
        observedAt: at,
        title: `Статья ${id}`,
        paragraphs: paragraphs.map((text) => ({ text, html: `<p>${text}</p>` })),
        hash: `${id}-${paragraphs.length}`,
        developing: false,
        event: null,
        revertOf: null,
        labels,
        minor: false,
        wordsAdded: 3,
        wordsRemoved: 0,
        tags: tags.map((tag) => ({ tag, evidence: [] })),
        httpStatus: 200,
        etag: null,
        lastModified: null,
        finalUrl: null,
      },
      article: { lastChangedAt: at, lastCheckedAt: at },
    });
    return [id];
  };
  const remove = (id: number) => {
    clock.advance(MINUTE);
    const at = clock.now().toISOString();
    store.recordCheck(id, {
      event: { kind: "removed", at },
      article: { status: "removed", lastCheckedAt: at },
    });
    return [id];
  };
  const publisher = (feeds: string) =>
    createPublisher(config(dir, feeds), { store, clock, logger: createLogger("silent") });
  return { dir, store, add, revise, remove, publisher };
}

describe("the publisher between publishes", () => {
  it("writes what a fresh publisher writes, after every kind of change", async () => {
    const s = setup();
    const a = s.add("Статья об ОТГ", ["ots"]);
    const b = s.add("Другая статья");
    const c = s.add("Третья статья", ["ots"]);
    const kept = s.publisher("feeds");
    await kept?.publish([a, b, c]);
    const steps: [string, () => number[]][] = [
      ["a new revision", () => s.revise(a, "Дополнение.", ["appended"], ["ots"])],
      ["another one", () => s.revise(a, "Ещё дополнение.", ["appended"], ["ots"])],
      ["an older article moves to the top", () => s.revise(b, "Новость.", ["appended"])],
      ["a removal", () => s.remove(c)],
      ["nothing", () => []],
    ];
    for (const [i, [what, step]] of steps.entries()) {
      const changed = step();
      await kept?.publish(changed);
      const fresh = s.publisher(`fresh-${i}`);
      await fresh?.publish([]);
      const want = files(path.join(s.dir, `fresh-${i}`));
      expect(want.size, what).toBeGreaterThan(6);
      const got = files(path.join(s.dir, "feeds"));
      for (const [name, content] of want) expect(got.get(name), `${what}: ${name}`).toBe(content);
    }
  });

  it("rebuilds a changed article from its newer revisions only", async () => {
    const s = setup();
    const a = s.add("Статья");
    s.revise(a, "Дополнение.", ["appended"]);
    const kept = s.publisher("feeds");
    await kept?.publish([a]);
    // Rev 2 changed in place by this very connection: SQLite's data_version does not move, so only a
    // publisher that reads rev 2 again can show it. Stored revisions never change; this one is a probe.
    s.store.db.prepare("UPDATE revisions SET words_added = 999 WHERE article_id = ? AND seq = 2").run(a);
    await kept?.publish(s.revise(a, "Ещё дополнение.", ["appended"]));
    const history = (feeds: string) => readFileSync(path.join(s.dir, feeds, "all.atom"), "utf8");
    expect(history("feeds")).toContain("rev 3");
    expect(history("feeds")).not.toContain("+999");
    await s.publisher("fresh")?.publish([]);
    expect(history("fresh")).toContain("+999");
  });

  it("writes nothing when nothing changed", async () => {
    const s = setup();
    const a = s.add("Статья");
    const publisher = s.publisher("feeds");
    expect((await publisher?.publish([a]))?.length).toBeGreaterThan(0);
    const feeds = path.join(s.dir, "feeds");
    const old = new Date("2020-01-01T00:00:00Z");
    for (const name of readdirSync(feeds, { recursive: true, encoding: "utf8" })) {
      utimesSync(path.join(feeds, name), old, old);
    }
    expect(await publisher?.publish([])).toEqual([]);
    expect(await publisher?.publish([a])).toEqual([]);
    for (const name of readdirSync(feeds, { recursive: true, encoding: "utf8" })) {
      expect(statSync(path.join(feeds, name)).mtimeMs, name).toBe(old.getTime());
    }
  });
});
