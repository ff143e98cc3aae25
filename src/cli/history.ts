import type { ArticleEvent, Revision } from "../model.js";
import { publicArticle } from "./articles.js";
import { configFrom, type GlobalOptions, openReadStore, resolveArticle } from "./common.js";
import { type CliIO, print } from "./io.js";

export interface HistoryOptions extends GlobalOptions {
  json?: boolean;
}

type TimelineEntry =
  | { type: "revision"; at: string; revision: Revision }
  | { type: "event"; at: string; event: ArticleEvent };

/** `revfeed history <article>`: revisions and events, oldest first. */
export function historyCommand(io: CliIO, ref: string, options: HistoryOptions): void {
  const config = configFrom(io, options);
  const store = openReadStore(config);
  try {
    const article = resolveArticle(store, ref);
    const revisions = store.listRevisions(article.id);
    const events = store.listEvents(article.id);
    const timeline: TimelineEntry[] = [
      ...revisions.map((r) => ({ type: "revision" as const, at: r.observedAt, revision: r })),
      ...events.map((e) => ({ type: "event" as const, at: e.at, event: e })),
    ].sort((a, b) => a.at.localeCompare(b.at) || (a.type === "revision" ? -1 : 1));
    if (options.json) {
      const entries = timeline.flatMap((t): Record<string, unknown>[] => {
        if (t.type === "revision") return [jsonRevision(t.revision)];
        // Removal and restoration are part of the story's history even though no text changed.
        if (t.event.kind === "removed" || t.event.kind === "restored") {
          return [
            {
              seq: null,
              observedAt: t.at,
              title: article.title,
              hash: null,
              developing: false,
              event: t.event.kind,
              detail: t.event.detail,
            },
          ];
        }
        return [];
      });
      print(
        io.stdout,
        JSON.stringify({ article: publicArticle(article), revisions: entries, events }, null, 2),
      );
      return;
    }
    print(io.stdout, `#${article.id} ${article.title}`);
    print(io.stdout, `${article.url}`);
    print(
      io.stdout,
      `status ${article.status} · ${article.revisionCount} revisions · tags: ${article.tags.join(", ") || "none"}`,
    );
    for (const t of timeline)
      print(io.stdout, t.type === "revision" ? revisionLine(t.revision) : eventLine(t.event));
  } finally {
    store.close();
  }
}

function jsonRevision(r: Revision) {
  return {
    seq: r.seq,
    observedAt: r.observedAt,
    title: r.title,
    hash: r.hash,
    developing: r.developing,
    ...(r.event ? { event: r.event, revertOf: r.revertOf } : {}),
    labels: r.labels,
    minor: r.minor,
    wordsAdded: r.wordsAdded,
    wordsRemoved: r.wordsRemoved,
    paragraphs: r.paragraphs.length,
    tags: r.tags.map((t) => t.tag),
  };
}

function when(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}

function revisionLine(r: Revision): string {
  const counts = `+${r.wordsAdded}/−${r.wordsRemoved}`;
  const labels = r.labels.join(", ") + (r.event === "revert" ? ` (back to rev ${r.revertOf})` : "");
  const flags = [r.developing ? "developing" : null, r.minor ? "minor" : null].filter(Boolean).join(", ");
  const tags = r.tags.length > 0 ? `  tags: ${r.tags.map((t) => t.tag).join(", ")}` : "";
  return `  rev ${String(r.seq).padEnd(3)} ${when(r.observedAt)}  ${counts.padEnd(11)} ${labels}${flags ? ` [${flags}]` : ""}${tags}`;
}

function eventLine(e: ArticleEvent): string {
  return `  ·       ${when(e.at)}  ${e.kind}${e.detail ? `: ${e.detail}` : ""}`;
}
