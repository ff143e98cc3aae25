import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Paragraph } from "../../src/model.js";
import { latestRevisionText } from "../../src/store/check-queries.js";
import {
  decodeParagraphs,
  decodeParagraphTexts,
  encodeParagraphBytes,
  encodeParagraphs,
  plainParagraphHtml,
} from "../../src/store/paragraph-codec.js";
import { Store } from "../../src/store/store.js";
import { newRevision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();

function addArticle(store: Store, n: number) {
  const item = {
    key: `ru.trend.az/${n}`,
    url: `https://ru.trend.az/a/${n}.html`,
    sourceId: "trend-ru",
    siteId: String(n),
    lang: "ru",
    title: "T",
    publishedAt: null,
  };
  return store.upsertArticle(item, "2025-10-24T10:00:00.000Z").article;
}

const mixed: Paragraph[] = [
  { text: "Министры ОТГ встретились в Баку.", html: "<p>Министры ОТГ встретились в Баку.</p>" },
  { text: "A & B < C > D", html: "<p>A &amp; B &lt; C &gt; D</p>" },
  { text: "Новость обновляется...", html: "<p><strong>Новость обновляется...</strong></p>" },
  { text: "Следующее заседание", html: "<h3>Следующее заседание</h3>" },
  // Text and HTML that only look alike: kept whole, never "corrected".
  { text: "a\u00a0b", html: "<p>a&nbsp;b</p>" },
  { text: "A & B", html: "<p>A & B</p>" },
  { text: "", html: "<p></p>" },
];

describe("stored paragraph format", () => {
  it("keeps a plain paragraph as its text alone and every other paragraph whole", () => {
    const stored = JSON.parse(encodeParagraphs(mixed)) as unknown[];
    expect(stored[0]).toBe("Министры ОТГ встретились в Баку.");
    expect(stored[1]).toBe("A & B < C > D");
    expect(stored[2]).toEqual(mixed[2]);
    expect(stored[3]).toEqual(mixed[3]);
    expect(stored[4]).toEqual(mixed[4]);
    expect(stored[5]).toEqual(mixed[5]);
    expect(stored[6]).toBe("");
  });

  it("tells plain paragraphs from look-alikes exactly as comparing with the rebuilt HTML does", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "p", "/", "<", ">", "&", ";", " ", "ё"),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        text,
        fc.oneof(
          text,
          text.map((t) => `<p>${t}</p>`),
        ),
        (t, html) => {
          const plain = typeof JSON.parse(encodeParagraphs([{ text: t, html }]))[0] === "string";
          expect(plain).toBe(html === plainParagraphHtml(t));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("gives back exactly what was stored", () => {
    expect(decodeParagraphs(encodeParagraphs(mixed))).toEqual(mixed);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string().map((text) => ({ text, html: plainParagraphHtml(text) })),
            fc.record({ text: fc.string(), html: fc.string() }),
          ),
        ),
        (paragraphs) => {
          expect(decodeParagraphs(encodeParagraphs(paragraphs))).toEqual(paragraphs);
        },
      ),
    );
  });

  it("reads rows written in the older all-objects form unchanged", () => {
    const store = Store.open(tempDir());
    const article = addArticle(store, 1);
    store.db
      .prepare(
        `INSERT INTO revisions (article_id, seq, observed_at, title, paragraphs, hash, developing, labels, minor,
           words_added, words_removed, tags)
         VALUES (?, 1, '2025-10-24T10:40:00.000Z', 'T', ?, 'h', 0, '["new"]', 0, 5, 0, '[]')`,
      )
      .run(article.id, JSON.stringify(mixed));
    expect(store.getRevision(article.id, 1)?.paragraphs).toEqual(mixed);
    store.close();
  });

  it("is what the store writes, and what it returns is what it reads back, less the text", () => {
    const store = Store.open(tempDir());
    const article = addArticle(store, 2);
    const stored = store.recordCheck(article.id, {
      revision: newRevision({ title: "T", paragraphs: mixed, hash: "h", wordsAdded: 5 }),
      article: { lastCheckedAt: "2025-10-24T10:40:00.000Z" },
    });
    const raw = store.db
      .prepare("SELECT paragraphs FROM revisions WHERE article_id = ?")
      .pluck()
      .get(article.id);
    expect(raw).toBe(encodeParagraphs(mixed));
    expect(stored).not.toHaveProperty("paragraphs");
    expect(store.getRevision(article.id, 1)).toEqual({ ...stored, paragraphs: mixed });
    store.close();
  });

  it("as bytes is the UTF-8 of the stored JSON, and gives back the texts", () => {
    const paragraph = fc.oneof(
      fc.string({ unit: "binary" }).map((text) => ({ text, html: plainParagraphHtml(text) })),
      fc.record({ text: fc.string({ unit: "binary" }), html: fc.string({ unit: "binary" }) }),
    );
    fc.assert(
      fc.property(fc.array(paragraph), (paragraphs) => {
        const bytes = encodeParagraphBytes(paragraphs);
        expect(Buffer.from(bytes).equals(Buffer.from(encodeParagraphs(paragraphs), "utf8"))).toBe(true);
        expect(decodeParagraphTexts(bytes)).toEqual(paragraphs.map((p) => p.text));
      }),
    );
  });

  it("stores the analysis's bytes as the same TEXT, and hands them back as bytes for the next check", () => {
    const store = Store.open(tempDir());
    const [encodedHere, encodedByAnalysis] = [addArticle(store, 3), addArticle(store, 4)];
    const record = (id: number, paragraphs: Paragraph[] | Uint8Array) =>
      store.recordCheck(id, {
        revision: newRevision({ title: "T", paragraphs, hash: "h" }),
        article: { lastCheckedAt: "2025-10-24T10:40:00.000Z" },
      });
    record(encodedHere.id, mixed);
    const added = record(encodedByAnalysis.id, encodeParagraphBytes(mixed));
    const row = (id: number) =>
      store.db
        .prepare("SELECT typeof(paragraphs) AS type, paragraphs FROM revisions WHERE article_id = ?")
        .get(id);
    expect(row(encodedByAnalysis.id)).toEqual({ type: "text", paragraphs: encodeParagraphs(mixed) });
    expect(row(encodedByAnalysis.id)).toEqual(row(encodedHere.id));
    expect(store.getRevision(encodedByAnalysis.id, 1)).toEqual({ ...added, paragraphs: mixed });

    const latest = latestRevisionText(store.db, encodedHere.id);
    expect(latest).toMatchObject({ seq: 1, title: "T", hash: "h", developing: false });
    expect(Buffer.from(latest?.storedParagraphs ?? []).toString("utf8")).toBe(encodeParagraphs(mixed));
    expect(latestRevisionText(store.db, addArticle(store, 5).id)).toBeNull();
    store.close();
  });
});
