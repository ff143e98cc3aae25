/**
 * A realistic 3-revision chain built from the seed story (Trend ru 4108303, a copy in test/fixtures/diff):
 * v1: the first 3 paragraphs + "Новость обновляется" (developing);
 * v2: 6 paragraphs + the marker, the title gains " (ФОТО)", the typo "Куманычбек" fixed to "Кубанычбек";
 * v3: the same text without the marker (final).
 */
import { readFileSync } from "node:fs";
import type { DiffInput } from "../../src/diff/index.js";

const SEED = new URL("../fixtures/diff/trend-ots-ministers-2025-10-24.txt", import.meta.url);
export const SEED_TITLE =
  "В Баку проходит второе заседание министров промышленности, науки, технологий и инноваций ОТГ";

export function seedParagraphs(): { body: string[]; marker: string } {
  const paragraphs = readFileSync(SEED, "utf8")
    .replace(/^\s*date \S+\s*/, "")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const marker = paragraphs.pop();
  if (marker !== "Новость обновляется")
    throw new Error(`seed story: expected the marker last, got ${marker}`);
  return { body: paragraphs, marker };
}

export function seedChain(): [DiffInput, DiffInput, DiffInput] {
  const { body, marker } = seedParagraphs();
  const fixed = body.map((p) => p.replace("Куманычбек", "Кубанычбек"));
  return [
    { title: SEED_TITLE, paragraphs: [...body.slice(0, 3), marker], developing: true },
    { title: `${SEED_TITLE} (ФОТО)`, paragraphs: [...fixed.slice(0, 6), marker], developing: true },
    { title: `${SEED_TITLE} (ФОТО)`, paragraphs: fixed.slice(0, 6), developing: false },
  ];
}
