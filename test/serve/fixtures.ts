import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ManualClock } from "../../src/clock.js";
import { type LoadedConfig, parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import type { ChangeLabel, Paragraph } from "../../src/model.js";
import { type StartedServer, startServer } from "../../src/serve/server.js";
import { type NewRevision, Store } from "../../src/store/store.js";

/** Factories for the serve tests: a real SQLite store, real feed files, a real server on port 0. */

export const T0 = "2025-10-24T10:35:00.000Z";

function p(text: string, html = `<p>${escapeText(text)}</p>`): Paragraph {
  return { text, html };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function revision(
  overrides: Partial<NewRevision> & Pick<NewRevision, "observedAt" | "title" | "paragraphs">,
) {
  const base: NewRevision = {
    hash: `h-${overrides.observedAt}-${overrides.title.length}-${overrides.paragraphs.length}`,
    developing: false,
    event: null,
    revertOf: null,
    labels: [] as ChangeLabel[],
    minor: false,
    wordsAdded: 0,
    wordsRemoved: 0,
    tags: [{ tag: "ots", evidence: [{ rule: "ru-otg", match: "ОТГ", start: 0, end: 3 }] }],
    httpStatus: 200,
    etag: null,
    lastModified: null,
    finalUrl: null,
    ...overrides,
  };
  return base;
}

const LEAD =
  "БАКУ/Trend/ - В Баку проходит второе заседание министров промышленности, науки, технологий и инноваций Организации тюркских государств (ОТГ).";
const TYPO = "В заседании участвует Генеральный секретарь ОТГ Куманычбек Омуралиев.";
const FIXED = "В заседании участвует Генеральный секретарь ОТГ Кубанычбек Омуралиев.";
const MARKER = "Новость обновляется";
export const APPENDED = [
  "Министр экономики Азербайджана Микаил Джаббаров отметил, что технологическая интеграция тюркских государств открывает новые возможности.",
  "Казахстан предложил провести третье заседание министров в Астане в 2026 году.",
];

/** The Russian story: appended paragraphs, then "Куманычбек" → "Кубанычбек" with the marker removed. */
export function storyRevisions(): NewRevision[] {
  const title = "В Баку проходит заседание министров промышленности ОТГ";
  return [
    revision({
      observedAt: T0,
      title,
      paragraphs: [p(LEAD), p(TYPO), p(MARKER)],
      developing: true,
      labels: ["new"],
    }),
    revision({
      observedAt: "2025-10-24T10:52:00.000Z",
      title,
      paragraphs: [p(LEAD), p(TYPO), ...APPENDED.map((t) => p(t)), p(MARKER)],
      developing: true,
      labels: ["appended"],
      wordsAdded: 26,
    }),
    revision({
      observedAt: "2025-10-24T11:40:00.000Z",
      title: `${title} (ФОТО)`,
      paragraphs: [p(LEAD), p(FIXED), ...APPENDED.map((t) => p(t))],
      developing: false,
      labels: ["headline", "correction", "marker-removed"],
      wordsAdded: 2,
      wordsRemoved: 3,
    }),
  ];
}

export const HOSTILE_TITLE = `<script>alert("title")</script> Заголовок & "кавычки"`;

/** An article whose stored HTML and title try everything a page must not run. */
export function hostileRevision(): NewRevision {
  return revision({
    observedAt: "2025-10-24T09:00:00.000Z",
    title: HOSTILE_TITLE,
    paragraphs: [
      p("Текст с картинкой", `<p>Текст<img src="x" onerror="alert(1)"> с картинкой</p>`),
      p("ссылка", `<p><a href="javascript:alert(2)">ссылка</a> <a href="/rel">относительная</a></p>`),
      p(
        "скрипт",
        `<script>alert(3)</script><p style="position:fixed">скрипт<iframe src="https://evil.example/"></iframe></p>`,
      ),
    ],
    tags: [{ tag: "<b>x</b>", evidence: [] }],
  });
}

export interface Fixture {
  root: string;
  stateDir: string;
  feedsDir: string;
  writer: Store;
  ids: { story: number; hostile: number; single: number };
  config: LoadedConfig;
}

/** A store with three articles, feed files, and a secret file next to (outside) feedsDir. */
export function buildFixture(root: string): Fixture {
  const stateDir = path.join(root, "state");
  const feedsDir = path.join(root, "feeds");
  const writer = Store.open(stateDir);
  const add = (
    siteId: string,
    title: string,
    url = `https://ru.trend.az/azerbaijan/business/${siteId}.html`,
  ) =>
    writer.upsertArticle(
      { key: `ru.trend.az/${siteId}`, url, sourceId: "trend-ru", siteId, lang: "ru", title, publishedAt: T0 },
      T0,
    ).article.id;

  const hostile = add("4100001", HOSTILE_TITLE, "javascript:alert(4)");
  writer.recordCheck(hostile, {
    revision: hostileRevision(),
    article: { status: "final", lastChangedAt: "2025-10-24T09:00:00.000Z", lastCheckedAt: T0 },
  });

  const single = add("4100002", "Одна редакция");
  writer.recordCheck(single, {
    revision: revision({
      observedAt: "2025-10-24T09:30:00.000Z",
      title: "Одна редакция",
      paragraphs: [p("Один абзац.")],
    }),
    article: { status: "watching", lastChangedAt: "2025-10-24T09:30:00.000Z" },
  });

  const story = add("4108303", "В Баку проходит заседание министров промышленности ОТГ");
  for (const [i, rev] of storyRevisions().entries()) {
    writer.recordCheck(story, {
      revision: rev,
      article: {
        status: i < 2 ? "developing" : "final",
        title: rev.title,
        lastChangedAt: rev.observedAt,
        lastCheckedAt: rev.observedAt,
      },
    });
  }

  mkdirSync(path.join(feedsDir, "articles"), { recursive: true });
  writeFeedFiles(feedsDir, story);
  writeFileSync(path.join(root, "secret.txt"), "TOP-SECRET outside feedsDir\n");

  const config = parseConfig(
    [
      "stateDir: state",
      "feedsDir: feeds",
      "baseUrl: http://localhost:8080",
      "publish:",
      "  - name: ots",
      "    title: OTS news",
      "    tags: [ots]",
      "serve:",
      "  healthMaxAgeMinutes: 30",
    ].join("\n"),
    path.join(root, "revfeed.config.yaml"),
    root,
  );
  return { root, stateDir, feedsDir, writer, ids: { story, hostile, single }, config };
}

/** Feed files big enough to be compressed (over 1 KB). */
export function writeFeedFiles(feedsDir: string, articleId: number): void {
  const entries = Array.from(
    { length: 20 },
    (_, i) =>
      `<entry><id>tag:localhost,2025:article/${i}</id><title>Заседание министров ОТГ ${i}</title><updated>${T0}</updated></entry>`,
  ).join("\n");
  const atom = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:localhost,2025:feed/ots</id><title>OTS news</title><updated>${T0}</updated>\n${entries}\n</feed>\n`;
  writeFileSync(path.join(feedsDir, "ots.atom"), atom);
  writeFileSync(path.join(feedsDir, "ots.revisions.atom"), atom.replace("feed/ots", "feed/ots.revisions"));
  writeFileSync(
    path.join(feedsDir, "ots.rss"),
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>OTS news</title>${"<item><title>ОТГ</title></item>".repeat(30)}</channel></rss>\n`,
  );
  writeFileSync(
    path.join(feedsDir, "ots.json"),
    JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "OTS news", items: [] }),
  );
  writeFileSync(path.join(feedsDir, "articles", `${articleId}.atom`), atom);
  writeFileSync(path.join(feedsDir, ".ots.atom.tmp-1"), "partial");
}

export interface RunningFixture extends Fixture {
  server: StartedServer;
  reader: Store;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The fixture plus a read-only store and a real server on 127.0.0.1, port 0. */
export async function startFixture(root: string): Promise<RunningFixture> {
  const fixture = buildFixture(root);
  const reader = Store.open(fixture.stateDir, { readonly: true });
  const clock = new ManualClock("2025-10-24T12:00:00.000Z");
  const server = await startServer(
    { config: fixture.config, store: reader, clock, logger: createLogger("silent") },
    { host: "127.0.0.1", port: 0 },
  );
  return {
    ...fixture,
    server,
    reader,
    clock,
    async close() {
      await server.app.close();
      reader.close();
      fixture.writer.close();
    },
  };
}
