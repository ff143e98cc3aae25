/**
 * Diff benchmark (`npm run bench:diff`): generated Russian articles of about 40,000 characters, median times
 * for a few edits and for a heavy rewrite, and memory over 10,000 diffs. Prints figures and their ratio to the
 * targets; asserts nothing (timings do not belong in tests).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type DiffInput, diffRevisions, renderDiff } from "../src/diff/index.js";
import { mulberry32 } from "./lib/random.js";

const WORDS = (
  "министр экономики Азербайджана заседание организации тюркских государств сотрудничество развитие торговли " +
  "инвестиции промышленность технологии инновации председательство саммит декларация соглашение партнёрство " +
  "региона транспорт логистика энергетика цифровой экономики взаимной торговли стран участниц отношения " +
  "значительные результаты подчеркнул отметил сообщает Trend Баку Астана Ташкент Анкара Бишкек 2025 года 4,5% " +
  "и в на с по для что как также это было будет между рамках"
).split(" ");

const random = mulberry32(20251024);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(WORDS));
  const s = words.join(" ");
  return `${s[0]?.toUpperCase()}${s.slice(1)}${random() < 0.2 ? ", - сказал он" : ""}.`;
};
const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(" ");

function article(chars: number): DiffInput {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < chars) {
    const p = paragraph();
    paragraphs.push(p);
    size += p.length;
  }
  return { title: "В Баку проходит заседание министров промышленности ОТГ", paragraphs, developing: false };
}

/** Replaces one word in each of `count` paragraphs (a typo or a number fixed). */
function fewEdits(a: DiffInput, count: number): DiffInput {
  const paragraphs = a.paragraphs.slice();
  for (let k = 0; k < count; k++) {
    const i = Math.floor(random() * paragraphs.length);
    const words = (paragraphs[i] as string).split(" ");
    words[Math.floor(random() * words.length)] = pick(WORDS);
    paragraphs[i] = `${words.join(" ")} ${k}`;
  }
  return { ...a, paragraphs };
}

/** Rewrites every third paragraph: about half of its words replaced, a sentence added. */
function thirdRewritten(a: DiffInput): DiffInput {
  const paragraphs = a.paragraphs.map((p, i) => {
    if (i % 3 !== 1) return p;
    const words = p.split(" ").map((w) => (random() < 0.5 ? pick(WORDS) : w));
    return `${words.join(" ")} ${sentence()}`;
  });
  return { ...a, paragraphs };
}

function median(values: number[]): number {
  const sorted = values.slice().sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(label: string, runs: number, target: number, fn: () => unknown): void {
  for (let i = 0; i < 20; i++) fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const m = median(samples);
  const verdict = m <= target ? "ok" : "OVER TARGET";
  console.log(
    `${label.padEnd(46)} median ${m.toFixed(3).padStart(8)} ms  p90 ${quantile(samples, 0.9).toFixed(3).padStart(8)} ms  ` +
      `target ${target} ms  ratio ${(m / target).toFixed(3)}  ${verdict}`,
  );
}

function quantile(values: number[], q: number): number {
  const sorted = values.slice().sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const base = article(40_000);
const chars = base.paragraphs.join("\n").length;
const bytes = Buffer.byteLength(base.paragraphs.join("\n"));
console.log(
  `article: ${base.paragraphs.length} paragraphs, ${chars} characters, ${(bytes / 1024).toFixed(1)} KB UTF-8`,
);

const five = fewEdits(base, 5);
const third = thirdRewritten(base);
time("40K chars, five edits", 300, 5, () => diffRevisions(base, five));
time("40K chars, a third of paragraphs rewritten", 100, 100, () => diffRevisions(base, third));
time("  + render text (third rewritten)", 100, 100, () => renderDiff(diffRevisions(base, third), "text"));
time("  + render html side-by-side (third rewritten)", 100, 100, () =>
  renderDiff(diffRevisions(base, third), "html", { layout: "side-by-side" }),
);
const shuffled = { ...base, paragraphs: base.paragraphs.slice().reverse() };
time("40K chars, all paragraphs in reverse order", 50, 100, () => diffRevisions(base, shuffled));

const pairs = Array.from({ length: 20 }, () => fewEdits(base, 5));
gc();
const before = process.memoryUsage();
let labels = 0;
for (let i = 0; i < 10_000; i++)
  labels += diffRevisions(base, pairs[i % pairs.length] as DiffInput).labels.length;
gc();
const after = process.memoryUsage();
const growth = after.heapUsed - before.heapUsed;
console.log(
  `10,000 diffs (five edits): heapUsed ${mb(before.heapUsed)} → ${mb(after.heapUsed)} (${growth >= 0 ? "+" : ""}${mb(growth)}), ` +
    `RSS ${mb(before.rss)} → ${mb(after.rss)}; ${labels} labels computed; ` +
    `target flat: ${Math.abs(growth) < 5 * 1024 * 1024 ? "ok" : "GREW"}`,
);
