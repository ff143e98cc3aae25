import { describe, expect, it } from "vitest";
import { createAnalysisStages } from "../../src/analysis-stages.js";
import { parseConfig } from "../../src/config/load.js";
import type { SourceConfig } from "../../src/config/schema.js";
import { decodeParagraphTexts } from "../../src/store/paragraph-codec.js";
import { analysePage, type PageInput } from "../../src/watch/analyse-page.js";
import { createPagePool } from "../../src/watch/page-pool.js";

const config = parseConfig("sources: []", "/nowhere/revfeed.config.yaml", "/nowhere");
const source: SourceConfig = {
  id: "trend-ru",
  url: "https://ru.trend.az/feeds/index.rss",
  profile: "trend",
  lang: "ru",
  aliases: [],
  enabled: true,
};

function page(paragraphs: string[]): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Министры ОТГ - Trend</title></head>
<body><div class="article"><div class="top-part"><h1>В Баку прошло заседание министров ОТГ</h1></div>
<div class="article-content">${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</div></div>
<div class="most-read"><ul><li>Курс маната</li></ul></div></body></html>`;
}

const first = [
  "БАКУ/Trend/ - В Баку прошло второе заседание министров Организации тюркских государств (ОТГ).",
  "Стороны обсудили транспортный коридор и цифровую повестку на ближайшие годы.",
  "Новость обновляется",
];
const second = [...first.slice(0, 2), "Министры подписали итоговое заявление по итогам встречи в столице."];

function input(paragraphs: string[], previous: PageInput["previous"], knownHashes: PageInput["knownHashes"]) {
  return {
    html: page(paragraphs),
    url: "https://ru.trend.az/business/4108303.html",
    source,
    articleLang: "ru",
    previous,
    knownHashes,
    minLengthRatio: 0.35,
  } satisfies PageInput;
}

describe("page analysis on worker threads", () => {
  const stages = createAnalysisStages(config);

  it("gives what the same analysis gives in the calling thread: new page, edit, revert, broken page", async () => {
    const pool = createPagePool(config, 1, stages, 0);
    try {
      const fresh = input(first, null, []);
      const viaWorker = await pool.analyse(fresh);
      expect(viaWorker).toEqual(analysePage(stages, fresh));
      expect(viaWorker.kind).toBe("changed");
      if (viaWorker.kind !== "changed") return;
      expect(viaWorker.developing).toBe(true);
      expect(viaWorker.tags.map((t) => t.tag)).toContain("ots");

      // The paragraphs as the store would hand them over: the bytes the analysis encoded for it.
      const previous = {
        title: viaWorker.found.title,
        storedParagraphs: viaWorker.storedParagraphs,
        developing: true,
        hash: viaWorker.hash,
      };
      const edit = input(second, previous, [{ seq: 1, hash: viaWorker.hash }]);
      const edited = await pool.analyse(edit);
      expect(edited).toEqual(analysePage(stages, edit));
      expect(edited.kind === "changed" && edited.change.labels).toContain("marker-removed");
      if (edited.kind !== "changed") return;

      const back = input(
        first,
        { ...previous, storedParagraphs: edited.storedParagraphs, developing: false, hash: "h2" },
        [
          { seq: 1, hash: viaWorker.hash },
          { seq: 2, hash: "h2" },
        ],
      );
      const reverted = await pool.analyse(back);
      expect(reverted.kind === "changed" && reverted.revertOf).toBe(1);

      const broken = input(["Коротко."], previous, []);
      expect(await pool.analyse(broken)).toEqual(analysePage(stages, broken));
    } finally {
      await pool.close();
    }
  });

  it("decodes fetched bytes in the worker (windows-1251 by <meta>) and leaves the caller's bytes intact", async () => {
    const pool = createPagePool(config, 1, stages, 0);
    try {
      const html = page(first).replace('<meta charset="utf-8">', '<meta charset="windows-1251">');
      const bytes = encodeCp1251(html);
      const fromBytes = await pool.analyse({ ...input(first, null, []), bytes, contentType: "text/html" });
      const fromText = analysePage(stages, { ...input(first, null, []), html });
      expect(fromBytes).toEqual(fromText);
      const texts = fromBytes.kind === "changed" ? decodeParagraphTexts(fromBytes.storedParagraphs) : [];
      expect(texts[0]).toContain("тюркских");
      // Transferred as a copy: the fetch result's own buffer is still readable.
      expect(bytes.byteLength).toBe(html.length);
    } finally {
      await pool.close();
    }
  });

  it("takes a buffer the caller gives up once the worker has answered, and copies anything else", async () => {
    const pool = createPagePool(config, 1, stages, 0);
    const html = page(first);
    const expected = analysePage(stages, { ...input(first, null, []), html });
    const given = () => ({ ...input(first, null, []), contentType: "text/html", transfer: true });
    try {
      // Before the worker's first answer: a copy, since a worker that never starts has its tasks redone here.
      const early = new TextEncoder().encode(html);
      expect(await pool.analyse({ ...given(), bytes: early })).toEqual(expected);
      expect(early.byteLength).toBeGreaterThan(0);

      const late = new TextEncoder().encode(html);
      expect(await pool.analyse({ ...given(), bytes: late })).toEqual(expected);
      expect(late.byteLength).toBe(0);

      // A view into a larger buffer (a slice of Node's Buffer pool, a socket's read buffer) is never taken.
      const encoded = new TextEncoder().encode(html);
      const larger = new Uint8Array(encoded.byteLength + 16);
      larger.set(encoded, 8);
      const view = larger.subarray(8, 8 + encoded.byteLength);
      expect(await pool.analyse({ ...given(), bytes: view })).toEqual(expected);
      expect(view.byteLength).toBe(encoded.byteLength);

      // Without `transfer` the caller's whole buffer stays its own.
      const kept = new TextEncoder().encode(html);
      expect(await pool.analyse({ ...given(), transfer: false, bytes: kept })).toEqual(expected);
      expect(kept.byteLength).toBe(encoded.byteLength);
    } finally {
      await pool.close();
    }
  });

  it("analyses in the calling thread before the first worker is worth starting, and after close", async () => {
    let calls = 0;
    const counting = {
      ...stages,
      hash: (t: string, p: string[]) => {
        calls++;
        return stages.hash(t, p);
      },
    };
    const pool = createPagePool(config, 1, counting, 1);
    await pool.analyse(input(first, null, []));
    expect(calls).toBe(1);
    await pool.analyse(input(first, null, []));
    expect(calls).toBe(1);
    await pool.close();
    await pool.analyse(input(first, null, []));
    expect(calls).toBe(2);
  });
});

/** Cyrillic and ASCII only, as the test page holds. */
function encodeCp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x401) return 0xa8;
    if (code === 0x451) return 0xb8;
    throw new Error(`no windows-1251 byte for ${ch}`);
  });
}
