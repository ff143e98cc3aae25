import { describe, expect, it } from "vitest";
import type { PublishArticle } from "../../src/publish/input.js";
import { selectRevisions } from "../../src/publish/select.js";
import { feedConfig, picker, plainArticle, revision } from "./factory.js";

/** The newest revisions of many articles, ties included: what one sort of every revision gives. */

function articles(count: number, seed: number): PublishArticle[] {
  const pick = picker(seed);
  const minutes = Array.from({ length: 30 }, (_, i) => i);
  return Array.from({ length: count }, (_, i) =>
    plainArticle({
      id: pick([i + 1, 7]),
      revisions: Array.from({ length: pick([1, 3, 12]) }, (_, j) =>
        revision({
          seq: 12 - j,
          observedAt: new Date(Date.UTC(2025, 9, 24, 10, pick(minutes))).toISOString(),
          minor: pick([false, false, true]),
        }),
      ),
    }),
  );
}

function naive(list: PublishArticle[], limit: number, includeMinor: boolean) {
  return list
    .flatMap((article) => article.revisions.map((revision) => ({ article, revision })))
    .filter((s) => includeMinor || !s.revision.minor)
    .sort(
      (a, b) =>
        Date.parse(b.revision.observedAt) - Date.parse(a.revision.observedAt) ||
        b.article.id - a.article.id ||
        b.revision.seq - a.revision.seq,
    )
    .slice(0, limit);
}

describe("selectRevisions", () => {
  it("picks what sorting every revision picks, ties and limits included", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const list = articles(60, seed);
      for (const limit of [1, 5, 100, 1000]) {
        for (const includeMinor of [false, true]) {
          const got = selectRevisions(list, feedConfig({ limit, includeMinor }));
          const want = naive(list, limit, includeMinor);
          expect(got.length).toBe(want.length);
          got.forEach((s, i) => {
            expect(s.article).toBe(want[i]?.article);
            expect(s.revision).toBe(want[i]?.revision);
          });
        }
      }
    }
  });
});
