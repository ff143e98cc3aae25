/**
 * Decoding benchmark (`npm run bench:decode`): the bench's Trend-like article pages (66 KB, Russian text in
 * boilerplate) decoded from UTF-8 by TextDecoder and by src/text/utf8.ts, alone and followed by extraction,
 * as the analysis thread does for every page it receives. Prints medians and ratios; asserts nothing.
 */
import { performance } from "node:perf_hooks";
import { extractArticle } from "../src/extract/index.js";
import { decodeUtf8 } from "../src/text/utf8.js";
import { articlePage } from "./lib/pages.js";

const pages = Array.from({ length: 200 }, (_, i) => Buffer.from(articlePage(i + 1, i % 4)));
const textDecoder = new TextDecoder("utf-8");
const URL = "https://ru.trend.az/azerbaijan/business/1.html";

/** Median over rounds of the mean time per page, in µs. */
function perPage(decode: (bytes: Uint8Array) => string, extract: boolean): number {
  const rounds: number[] = [];
  for (let round = 0; round < 15; round++) {
    const start = performance.now();
    for (const bytes of pages) {
      const html = decode(bytes);
      if (extract) extractArticle(html, URL, "trend", { lang: "ru" });
    }
    rounds.push(((performance.now() - start) * 1000) / pages.length);
  }
  rounds.sort((a, b) => a - b);
  return rounds[rounds.length >> 1] as number;
}

const kb = pages.reduce((n, p) => n + p.length, 0) / pages.length / 1024;
console.log(`${pages.length} pages of ${kb.toFixed(1)} KB on average; median of 15 rounds, µs per page`);
for (const extract of [false, true]) {
  const before = perPage((b) => textDecoder.decode(b), extract);
  const after = perPage(decodeUtf8, extract);
  const what = extract ? "decode + extract" : "decode";
  console.log(
    `${what.padEnd(18)} TextDecoder ${before.toFixed(1).padStart(7)}  decodeUtf8 ${after.toFixed(1).padStart(7)}  ` +
      `ratio ${(before / after).toFixed(2)}×`,
  );
}
