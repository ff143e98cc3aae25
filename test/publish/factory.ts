import type { PublishConfig } from "../../src/config/schema.js";
import type { PublishArticle, PublishRevision, PublishSite } from "../../src/publish/input.js";

/** Fresh publish inputs for each test: no shared mutable fixtures. */

export function site(overrides: Partial<PublishSite> = {}): PublishSite {
  return {
    baseUrl: "https://revfeed.example.org",
    generator: "revfeed 0.1.0",
    tagLabels: { ots: "Organization of Turkic States" },
    ...overrides,
  };
}

export function feedConfig(overrides: Partial<PublishConfig> = {}): PublishConfig {
  return {
    name: "all",
    title: "revfeed: all stories",
    tags: [],
    sources: [],
    languages: [],
    limit: 100,
    includeMinor: false,
    ...overrides,
  };
}

export function revision(overrides: Partial<PublishRevision> & { seq: number }): PublishRevision {
  return {
    observedAt: "2025-10-24T06:35:00.000Z",
    title: "В Баку проходит заседание министров ОТГ",
    paragraphsHtml: ["<p>БАКУ/Trend/ - В Баку проходит второе заседание министров ОТГ.</p>"],
    labels: [],
    minor: false,
    wordsAdded: 0,
    wordsRemoved: 0,
    developing: false,
    event: null,
    revertOf: null,
    diffHtml: "",
    ...overrides,
  };
}

const LEAD = "<p>БАКУ/Trend/ - В Баку проходит второе заседание министров промышленности ОТГ.</p>";
const QUOTE = "<p>Министр экономики Азербайджана Микаил Джаббаров выразил уверенность в результатах.</p>";
const MARKER = "<p>Продолжение следует</p>";
const ins = (t: string) => `<ins style="background-color:#d4fcbc;text-decoration:none">[+ ${t} +]</ins>`;
const del = (t: string) =>
  `<del style="background-color:#fbb;text-decoration:line-through">[\u2212 ${t} \u2212]</del>`;

/**
 * The seed story's life: first version with the developing marker, an appended update, a correction
 * that drops the marker, a typography-only change, a revert to rev 3, then removal from the site.
 */
export function storyArticle(overrides: Partial<PublishArticle> = {}): PublishArticle {
  const revisions: PublishRevision[] = [
    revision({
      seq: 1,
      observedAt: "2025-10-24T06:35:00.000Z",
      paragraphsHtml: [LEAD, MARKER],
      labels: ["new"],
      wordsAdded: 14,
      developing: true,
    }),
    revision({
      seq: 2,
      observedAt: "2025-10-24T06:41:00.000Z",
      paragraphsHtml: [LEAD, QUOTE, MARKER],
      labels: ["appended"],
      wordsAdded: 120,
      developing: true,
      diffHtml: `<p>${ins("Министр экономики Азербайджана Микаил Джаббаров выразил уверенность")}</p>`,
    }),
    revision({
      seq: 3,
      observedAt: "2025-10-24T07:05:00.000Z",
      title: "В Баку проходит второе заседание министров ОТГ",
      paragraphsHtml: [LEAD.replace("второе", "II"), QUOTE],
      labels: ["headline", "correction", "marker-removed"],
      wordsAdded: 2,
      wordsRemoved: 4,
      diffHtml: `<p>${del("второе")} ${ins("II")}</p><p>${del("Продолжение следует")}</p>`,
    }),
    revision({
      seq: 4,
      observedAt: "2025-10-24T07:20:00.000Z",
      title: "В Баку проходит второе заседание министров ОТГ",
      paragraphsHtml: [LEAD.replace("второе", "II").replace(" - ", " \u2014 "), QUOTE],
      labels: ["typography"],
      minor: true,
      diffHtml: `<p>${del("-")} ${ins("\u2014")}</p>`,
    }),
    revision({
      seq: 5,
      observedAt: "2025-10-24T08:00:00.000Z",
      title: "В Баку проходит второе заседание министров ОТГ",
      paragraphsHtml: [LEAD.replace("второе", "II"), QUOTE],
      labels: ["revert"],
      event: "revert",
      revertOf: 3,
      diffHtml: `<p>${del("\u2014")} ${ins("-")}</p>`,
    }),
    revision({
      seq: 6,
      observedAt: "2025-10-24T12:00:00.000Z",
      title: "В Баку проходит второе заседание министров ОТГ",
      paragraphsHtml: [],
      labels: [],
      event: "removed",
    }),
  ].reverse();
  return {
    id: 7,
    url: "https://ru.trend.az/business/4116000.html",
    title: "В Баку проходит второе заседание министров ОТГ",
    lang: "ru",
    sourceId: "trend-ru",
    status: "removed",
    tags: ["ots"],
    publishedAt: "2025-10-24T06:30:00.000Z",
    firstSeenAt: "2025-10-24T06:35:00.000Z",
    updatedAt: "2025-10-24T12:00:00.000Z",
    removedAt: "2025-10-24T12:00:00.000Z",
    revisions,
    ...overrides,
  };
}

/** A second, quiet story: one final revision. */
export function plainArticle(overrides: Partial<PublishArticle> = {}): PublishArticle {
  return {
    id: 8,
    url: "https://en.trend.az/business/4116001.html",
    title: "Azerbaijan and Kazakhstan sign transport deal",
    lang: "en",
    sourceId: "trend-en",
    status: "final",
    tags: [],
    publishedAt: "2025-10-24T09:00:00.000Z",
    firstSeenAt: "2025-10-24T09:02:00.000Z",
    updatedAt: "2025-10-24T09:02:00.000Z",
    removedAt: null,
    revisions: [
      revision({
        seq: 1,
        observedAt: "2025-10-24T09:02:00.000Z",
        title: "Azerbaijan and Kazakhstan sign transport deal",
        paragraphsHtml: [
          '<p>BAKU, Azerbaijan. <a href="/business/4115990.html">Earlier</a> talks ended.</p>',
        ],
        labels: ["new"],
        wordsAdded: 6,
      }),
    ],
    ...overrides,
  };
}

/** Control characters, U+FFFE, lone surrogates and a right-to-left override, all XML-hostile. */
export const HOSTILE_CHARS = `${Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join("")}\uFFFE\uD800x\uDC00y\uDFFF\u202E`;

export const HOSTILE_HTML = [
  `<p onclick="steal()">Hello <script>alert(1)</script>world${HOSTILE_CHARS}</p>`,
  `<p><img src="x.png" onerror="alert(2)"><img src="data:image/png;base64,AAAA"><a href="javascript:alert(3)">click</a></p>`,
  `<iframe src="https://evil.example/"></iframe><form action="/steal"><input name="q"><button>go</button></form>`,
  `<p style="position:fixed" class="x">styled <a href="/relative?a=1&amp;b=2">relative link</a> &#1; &#xFFFE; ]]&gt; end</p>`,
  `<style>body{display:none}</style><svg><script>alert(4)</script></svg><object data="x.swf"></object>`,
  `<p><a href=" JaVaScRiPt:alert(5)">mixed case</a><a href="vbscript:x">vb</a><img src="//evil.example/x.png"></p>`,
];

/** A page full of hostile HTML, in titles and tags as well. */
export function hostileArticle(overrides: Partial<PublishArticle> = {}): PublishArticle {
  const title = `Prices < 5% & "rising" 'fast' <b>now</b> ]]> ${HOSTILE_CHARS}`;
  return {
    id: 9,
    url: "https://ru.trend.az/world/4116002.html",
    title,
    lang: "ru",
    sourceId: "trend-ru",
    status: "developing",
    tags: ["ots", `a<b & "c"`],
    publishedAt: null,
    firstSeenAt: "2025-10-24T10:00:00.000Z",
    updatedAt: "2025-10-24T10:30:00.000Z",
    removedAt: null,
    revisions: [
      revision({
        seq: 2,
        observedAt: "2025-10-24T10:30:00.000Z",
        title,
        paragraphsHtml: HOSTILE_HTML,
        labels: ["inserted"],
        wordsAdded: 3,
        developing: true,
        diffHtml: `<p><ins style="background:url(javascript:alert(6))" onmouseover="x">[+ new +]</ins><script>alert(7)</script>${HOSTILE_CHARS}</p>`,
      }),
      revision({
        seq: 1,
        observedAt: "2025-10-24T10:00:00.000Z",
        title,
        paragraphsHtml: HOSTILE_HTML.slice(0, 2),
        labels: ["new"],
        developing: true,
      }),
    ],
    ...overrides,
  };
}

/** The story as it stood after revision `seq` (1 … 6): what a reader polling at that moment saw. */
export function storyAt(seq: number): PublishArticle {
  const full = storyArticle();
  const revisions = full.revisions.filter((r) => r.seq <= seq);
  const latest = revisions[0];
  if (!latest) throw new Error(`story has no revision ${seq}`);
  const removed = latest.event === "removed";
  return {
    ...full,
    revisions,
    status: removed ? "removed" : latest.developing ? "developing" : "final",
    updatedAt: latest.observedAt,
    removedAt: removed ? latest.observedAt : null,
  };
}

/** A deterministic picker (mulberry32), so that generated inputs are the same on every run. */
export function picker(seed: number): <T>(choices: readonly T[]) => T {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (choices) => choices[Math.floor(next() * choices.length)] as (typeof choices)[number];
}
