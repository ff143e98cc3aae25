import { type DiffFormat, diffRevisions, renderDiff } from "../diff/index.js";
import type { Revision } from "../model.js";
import { configFrom, type GlobalOptions, openReadStore, resolveArticle } from "./common.js";
import { type CliIO, CommandError, print, UsageError } from "./io.js";

export interface DiffCommandOptions extends GlobalOptions {
  from?: string;
  to?: string;
  format?: DiffFormat;
  context?: string;
  color?: boolean;
}

function revisionNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a revision number (1, 2, …), not "${value}"`);
  return Number(value);
}

/** `revfeed diff <article>`: default from the previous revision to the latest. */
export function diffCommand(io: CliIO, ref: string, options: DiffCommandOptions): void {
  const config = configFrom(io, options);
  const from = revisionNumber(options.from, "--from");
  const to = revisionNumber(options.to, "--to");
  const context = revisionNumber(options.context, "--context");
  const store = openReadStore(config);
  try {
    const article = resolveArticle(store, ref);
    const count = article.revisionCount;
    if (count === 0) throw new CommandError(`article ${article.id} has no revisions yet`);
    const toSeq = to ?? count;
    const fromSeq = from ?? Math.max(1, toSeq - 1);
    const get = (seq: number): Revision => {
      const r = store.getRevision(article.id, seq);
      if (!r) throw new CommandError(`article ${article.id} has no revision ${seq} (it has 1 to ${count})`);
      return r;
    };
    const older = get(fromSeq);
    const newer = get(toSeq);
    const text = (r: Revision) => ({
      title: r.title,
      paragraphs: r.paragraphs.map((p) => p.text),
      developing: r.developing,
    });
    const change = diffRevisions(text(older), text(newer), { revertOf: newer.revertOf });
    // Color only for a terminal, and never with NO_COLOR or --no-color (https://no-color.org).
    // An explicit --format color asks for colors even through a pipe.
    const colorAllowed = options.color !== false && !io.env.NO_COLOR;
    const format: DiffFormat = options.format ?? (colorAllowed && io.isTTY ? "color" : "text");
    const colorWanted = colorAllowed && (io.isTTY || options.format === "color");
    if (format !== "json" && format !== "html") {
      print(
        io.stdout,
        `#${article.id} ${newer.title}\nrevision ${fromSeq} (${older.observedAt}) → ${toSeq} (${newer.observedAt})\n`,
      );
    }
    // Like `git diff`, show three unchanged paragraphs around each change unless asked; JSON keeps everything.
    const shown = context ?? (format === "json" ? undefined : 3);
    const color = format === "color" ? colorWanted : undefined;
    print(io.stdout, renderDiff(change, format, { context: shown, color }));
  } finally {
    store.close();
  }
}
