/**
 * Paragraph alignment, the first level of the diff. Comparing whole paragraphs first keeps an inserted or moved
 * paragraph from showing as "everything after it changed", and means only changed paragraphs get tokenized.
 *
 * 1. Paragraphs are interned to numbers (equal text, equal number) and aligned with jsdiff's `diffArrays`
 *    (a longest common subsequence): these are the `equal` anchors.
 * 2. A paragraph left unmatched on both sides with identical text has moved: `move-from` at its old place,
 *    `move-to` at its new place. Only exact copies count as moves.
 * 3. Between two anchors, the remaining old and new paragraphs are paired in order when they are similar
 *    (similarity.ts, at least SIMILAR): a pair is a `change`, diffed word by word. The pairing maximizes the total
 *    similarity (a small dynamic programme over the gap). What stays unpaired is `delete` or `insert`.
 */
import { diffArrays } from "diff";
import { SIMILAR, similarity, type WordBag, wordBag } from "./similarity.js";
import type { ParagraphOp } from "./types.js";
import { diffWords } from "./words.js";

/** Above this many cells a gap is paired greedily instead of by dynamic programming. */
const MAX_DP_CELLS = 40_000;

interface Gap {
  old: number[];
  new: number[];
}

type Segment = { kind: "equal"; oldIndex: number; newIndex: number } | ({ kind: "gap" } & Gap);

export interface AlignInput {
  old: readonly string[];
  new: readonly string[];
  /** Indices of the developing-marker paragraph on each side (tagged `marker: true` in the ops). */
  oldMarker: ReadonlySet<number>;
  newMarker: ReadonlySet<number>;
}

export function alignParagraphs(input: AlignInput): ParagraphOp[] {
  const { old: a, new: b } = input;
  const segments = anchor(a, b);
  const moves = findMoves(a, b, segments);
  const ops: ParagraphOp[] = [];
  const flag = (oldIndex: number | null, newIndex: number | null): { marker?: true } =>
    (oldIndex !== null && input.oldMarker.has(oldIndex)) ||
    (newIndex !== null && input.newMarker.has(newIndex))
      ? { marker: true }
      : {};
  const emitOld = (i: number) => {
    const to = moves.oldToNew.get(i);
    if (to === undefined) ops.push({ op: "delete", oldIndex: i, text: a[i] as string, ...flag(i, null) });
    else ops.push({ op: "move-from", oldIndex: i, newIndex: to, text: a[i] as string });
  };
  const emitNew = (j: number) => {
    const from = moves.newToOld.get(j);
    if (from === undefined) ops.push({ op: "insert", newIndex: j, text: b[j] as string, ...flag(null, j) });
    else ops.push({ op: "move-to", oldIndex: from, newIndex: j, text: b[j] as string });
  };
  for (const seg of segments) {
    if (seg.kind === "equal") {
      const text = a[seg.oldIndex] as string;
      ops.push({
        op: "equal",
        oldIndex: seg.oldIndex,
        newIndex: seg.newIndex,
        text,
        ...flag(seg.oldIndex, seg.newIndex),
      });
      continue;
    }
    const oldLeft = seg.old.filter((i) => !moves.oldToNew.has(i));
    const newLeft = seg.new.filter((j) => !moves.newToOld.has(j));
    const pairs = pairSimilar(oldLeft, newLeft, a, b);
    let oi = 0;
    let nj = 0;
    for (const [pi, pj] of [...pairs, [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] as const]) {
      while (oi < seg.old.length && (seg.old[oi] as number) < pi) emitOld(seg.old[oi++] as number);
      while (nj < seg.new.length && (seg.new[nj] as number) < pj) emitNew(seg.new[nj++] as number);
      if (pi === Number.POSITIVE_INFINITY) break;
      oi++;
      nj++;
      const oldText = a[pi] as string;
      const newText = b[pj] as string;
      const words = diffWords(oldText, newText);
      ops.push({ op: "change", oldIndex: pi, newIndex: pj, oldText, newText, words, ...flag(pi, pj) });
    }
  }
  return ops;
}

/** LCS of interned paragraphs: equal anchors and the gaps between them, in order. */
function anchor(a: readonly string[], b: readonly string[]): Segment[] {
  const ids = new Map<string, number>();
  const intern = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    return id;
  };
  const segments: Segment[] = [];
  let gap: (Gap & { kind: "gap" }) | null = null;
  let i = 0;
  let j = 0;
  for (const c of diffArrays(a.map(intern), b.map(intern))) {
    if (!c.added && !c.removed) {
      gap = null;
      for (let k = 0; k < c.count; k++) segments.push({ kind: "equal", oldIndex: i++, newIndex: j++ });
      continue;
    }
    if (!gap) {
      gap = { kind: "gap", old: [], new: [] };
      segments.push(gap);
    }
    for (let k = 0; k < c.count; k++) {
      if (c.removed) gap.old.push(i++);
      else gap.new.push(j++);
    }
  }
  return segments;
}

/** Identical paragraphs left unmatched on both sides, paired first-come first-served. */
function findMoves(a: readonly string[], b: readonly string[], segments: Segment[]) {
  const waiting = new Map<string, number[]>();
  const oldToNew = new Map<number, number>();
  const newToOld = new Map<number, number>();
  for (const seg of segments) {
    if (seg.kind !== "gap") continue;
    for (const i of seg.old) {
      const t = a[i] as string;
      const list = waiting.get(t);
      if (list) list.push(i);
      else waiting.set(t, [i]);
    }
  }
  if (waiting.size === 0) return { oldToNew, newToOld };
  for (const seg of segments) {
    if (seg.kind !== "gap") continue;
    for (const j of seg.new) {
      const i = waiting.get(b[j] as string)?.shift();
      if (i === undefined) continue;
      oldToNew.set(i, j);
      newToOld.set(j, i);
    }
  }
  return { oldToNew, newToOld };
}

/** Order-preserving pairs of similar paragraphs within one gap, maximizing total similarity. */
function pairSimilar(
  oldIdx: number[],
  newIdx: number[],
  a: readonly string[],
  b: readonly string[],
): Array<readonly [number, number]> {
  const n = oldIdx.length;
  const m = newIdx.length;
  if (n === 0 || m === 0) return [];
  const oldBags = oldIdx.map((i) => wordBag(a[i] as string));
  const newBags = newIdx.map((j) => wordBag(b[j] as string));
  const sim = (x: number, y: number) => similarity(oldBags[x] as WordBag, newBags[y] as WordBag);
  if (n * m > MAX_DP_CELLS) {
    return greedyPairs(n, m, sim).map(([x, y]) => [oldIdx[x] as number, newIdx[y] as number] as const);
  }
  // best[x][y]: best total for old[x..], new[y..]; flattened (n+1)×(m+1).
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  const score = new Float64Array(n * m);
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      const s = sim(x, y);
      score[x * m + y] = s;
      const take = s >= SIMILAR ? s + (best[(x + 1) * w + y + 1] as number) : 0;
      best[x * w + y] = Math.max(take, best[(x + 1) * w + y] as number, best[x * w + y + 1] as number);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    const s = score[x * m + y] as number;
    const here = best[x * w + y] as number;
    if (s >= SIMILAR && here === s + (best[(x + 1) * w + y + 1] as number)) {
      pairs.push([oldIdx[x] as number, newIdx[y] as number]);
      x++;
      y++;
    } else if (here === best[(x + 1) * w + y]) x++;
    else y++;
  }
  return pairs;
}

/** Linear fallback for huge gaps: walk both lists, pairing when similar, else skipping the weaker side. */
function greedyPairs(n: number, m: number, sim: (x: number, y: number) => number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (sim(x, y) >= SIMILAR) pairs.push([x++, y++]);
    else if (x + 1 < n && sim(x + 1, y) >= SIMILAR) x++;
    else y++;
  }
  return pairs;
}
