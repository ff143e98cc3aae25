import type { NewRevision } from "../../src/store/store.js";

/** A new revision as the store takes it: a first, final, untagged revision, with the given fields changed. */
export function newRevision(overrides: Partial<NewRevision> = {}): NewRevision {
  return {
    observedAt: "2025-10-24T10:40:00.000Z",
    title: "Заголовок",
    paragraphs: [{ text: "Первый абзац", html: "<p>Первый абзац</p>" }],
    hash: "h1",
    developing: false,
    event: null,
    revertOf: null,
    labels: ["new"],
    minor: false,
    wordsAdded: 2,
    wordsRemoved: 0,
    tags: [],
    httpStatus: 200,
    etag: null,
    lastModified: null,
    finalUrl: null,
    ...overrides,
  };
}
