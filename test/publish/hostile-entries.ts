import type { FeedEntry } from "../../src/publish/document.js";
import { picker } from "./factory.js";

/**
 * Feed entries whose values hold what escaping gets wrong: markup characters, CDATA ends, line breaks of
 * every kind, characters XML forbids, marker look-alikes, odd URLs and ids. Renderers are checked on them
 * against a reference render (templates.test.ts, json-items.test.ts).
 */

const HOSTILE = [
  "plain",
  "Новость обновляется",
  `a & b < c > d "e" 'f'`,
  "]]> and ]]> twice",
  "tab\there, line\nbreak, cr\rreturn",
  "&amp; &lt; &#38; &unknown;",
  "\uE001title\uE001 looks like a marker",
  "urn:x-revfeed:id https://link.x-revfeed.invalid/",
  "emoji 🙂 and \u2028 and \u0085",
  "a control character \u0001 XML forbids",
  "",
];
const URLS = [
  "https://revfeed.example.org/articles/7",
  "https://revfeed.example.org/articles/7/diff?from=1&to=2",
  "https://REVFEED.example.org/a b/?q=x&amp;y=<z>#frag ment",
  "http://пример.рф/путь?а=б",
  "https://revfeed.example.org/articles/7#rev-1",
];
const IDS = [
  "tag:revfeed.example.org,2025:article/7/rev/2",
  "tag:revfeed.example.org,2025:article/7?x=1&amp;y=2",
  "tag:revfeed.example.org,2025:a<b>&c",
];
const CONTENT = [
  "",
  "<p>text</p>",
  "<p>one\r\ntwo\rthree\u0085four\u2028five</p>",
  "<p>]]> end</p>",
  `<p class="q">a \\ b "c" \u0007 \uD800</p>`,
];

/** `count` entries with values drawn from the lists above, the same for a given count. */
export function hostileEntries(count: number): FeedEntry[] {
  const pick = picker(20251024);
  return Array.from({ length: count }, () => ({
    id: pick(IDS),
    title: pick(HOSTILE),
    link: pick(URLS),
    links: Array.from({ length: pick([0, 1, 2]) }, (_, i) => ({
      rel: i === 0 ? ("related" as const) : ("via" as const),
      type: pick(["text/html", `a"b`]),
      href: pick(URLS),
      ...(pick([true, false]) ? { title: pick(HOSTILE) } : {}),
    })),
    published: pick(["2025-10-24T06:35:00.000Z", "2025-10-24T06:35:00Z", "1999-12-31T23:59:59.999Z"]),
    updated: pick(["2025-10-24T12:00:00.000Z", "2025-10-24T12:00:00+04:00"]),
    summary: pick(["", ...HOSTILE]),
    contentHtml: pick(CONTENT),
    categories: Array.from({ length: pick([0, 1, 2]) }, () => ({
      term: pick(HOSTILE),
      label: pick(HOSTILE),
    })),
    lang: pick([null, "ru", `x"<y`]),
  }));
}
