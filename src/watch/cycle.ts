import type { SourceConfig } from "../config/schema.js";
import { dueArticleIds, watchedArticleIds } from "../store/due-queries.js";
import { type CheckOutcome, checkArticle } from "./check-article.js";
import { CheckBatch } from "./check-batch.js";
import type { WatchContext } from "./deps.js";
import { DueQueue } from "./due-queue.js";
import { type PollOutcome, pollSource } from "./poll-source.js";

export interface CycleOptions {
  /** Poll source feeds (cron's poll tick, `once`); recheck ticks only look at due articles. */
  poll: boolean;
  /** Re-check every watched article, due or not (`once --recheck`). */
  recheckAll?: boolean;
  signal?: AbortSignal;
  /** Checks in flight at once across hosts; per-host limits live in the fetcher. */
  concurrency?: number;
}

export interface CycleSummary {
  startedAt: string;
  durationMs: number;
  polls: PollOutcome[];
  checks: Record<CheckOutcome["result"], number>;
  revisions: number;
  changedArticleIds: number[];
  failures: { sourceId: string; articleId: number | null; kind: string; message: string }[];
  aborted: boolean;
}

/** One cycle, shared by `revfeed once` and the scheduled worker: poll sources, then check due articles. */
export async function runCycle(ctx: WatchContext, options: CycleOptions): Promise<CycleSummary> {
  const started = ctx.clock.now();
  const summary: CycleSummary = {
    startedAt: started.toISOString(),
    durationMs: 0,
    polls: [],
    checks: { changed: 0, unchanged: 0, not_modified: 0, failed: 0, removed: 0 },
    revisions: 0,
    changedArticleIds: [],
    failures: [],
    aborted: false,
  };
  const sources = ctx.config.sources.filter((s) => s.enabled);
  const byId = new Map(sources.map((s) => [s.id, s]));

  if (options.poll) {
    // Each source fails alone: one site's outage never stops the others.
    summary.polls = await Promise.all(sources.map((s) => pollSafely(ctx, s, options.signal)));
    for (const p of summary.polls) {
      if (p.failure) summary.failures.push({ sourceId: p.sourceId, articleId: null, ...p.failure });
    }
  }

  const limit = ctx.config.watch.maxChecksPerCycle;
  const now = ctx.clock.now().toISOString();
  const db = ctx.store.db;
  const ids = options.recheckAll ? watchedArticleIds(db, limit) : dueArticleIds(db, now, limit);
  const queue = new DueQueue(db, ids);
  const batch = new CheckBatch(ctx.store.db, (err) => {
    ctx.logger.error({ err }, "could not save checks: those articles are checked again");
    ctx.metrics.failure("internal");
  });
  const checkCtx: WatchContext = { ...ctx, batch, latestHeads: queue.heads };
  const workers = Array.from({ length: Math.min(options.concurrency ?? 16, queue.size) }, async () => {
    for (let article = queue.take(); article; article = queue.take()) {
      if (options.signal?.aborted) {
        summary.aborted = true;
        return;
      }
      // An article of a source since disabled stays in the store: it is not checked.
      const source = byId.get(article.sourceId);
      if (!source) {
        queue.done(article.id);
        continue;
      }
      const outcome = await checkSafely(checkCtx, article, source, options.signal);
      queue.done(article.id);
      summary.checks[outcome.result]++;
      noteExtraction(ctx, source, outcome);
      if (outcome.revision || outcome.result === "removed") summary.changedArticleIds.push(article.id);
      if (outcome.revision) summary.revisions++;
      if (outcome.failure && outcome.result === "failed") {
        summary.failures.push({ sourceId: source.id, articleId: article.id, ...outcome.failure });
      }
    }
  });
  try {
    await Promise.all(workers);
  } finally {
    batch.flush();
  }
  summary.durationMs = ctx.clock.now().getTime() - started.getTime();
  return summary;
}

async function pollSafely(
  ctx: WatchContext,
  source: SourceConfig,
  signal?: AbortSignal,
): Promise<PollOutcome> {
  try {
    return await pollSource(ctx, source, signal);
  } catch (err) {
    const kind = crashKind(err);
    ctx.logger.error({ err, source_id: source.id, kind }, `feed poll crashed (${kind})`);
    ctx.metrics.failure(kind);
    const failure = { kind, transient: true, message: (err as Error).message };
    return { sourceId: source.id, result: "failed", items: 0, newArticles: 0, offsite: 0, failure };
  }
}

async function checkSafely(
  ctx: WatchContext,
  article: Parameters<typeof checkArticle>[1],
  source: SourceConfig,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  try {
    return await checkArticle(ctx, article, source, signal);
  } catch (err) {
    // A store error (disk full, read-only file) must not end the cycle: nothing was committed for this check.
    const kind = crashKind(err);
    ctx.logger.error(
      { err, source_id: source.id, article_id: article.id, url: article.url, kind },
      `check crashed (${kind})`,
    );
    ctx.metrics.failure(kind);
    const failure = { kind, transient: true, message: (err as Error).message };
    return { articleId: article.id, result: "failed", revision: null, failure };
  }
}

/** Names the store failures an operator can act on (free space, file permissions); anything else is internal. */
function crashKind(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "SQLITE_FULL") return "disk-full";
  if (typeof code === "string" && code.startsWith("SQLITE_READONLY")) return "database-read-only";
  return "internal";
}

/** Repeated extraction failures for a source usually mean its page layout changed: say so loudly. */
function noteExtraction(ctx: WatchContext, source: SourceConfig, outcome: CheckOutcome): void {
  const isExtractFailure = outcome.failure?.kind.startsWith("extract-") ?? false;
  if (!isExtractFailure && outcome.result !== "changed" && outcome.result !== "unchanged") return;
  try {
    const state = ctx.store.getSource(source.id);
    const count = isExtractFailure ? (state?.extractFailures ?? 0) + 1 : 0;
    if (count !== state?.extractFailures) ctx.store.updateSource(source.id, { extractFailures: count });
    if (count === ctx.config.watch.extractFailureWarnAfter) {
      ctx.logger.warn(
        { source_id: source.id, kind: "layout-changed", failures: count },
        `extraction failed ${count} times in a row for source ${source.id}: the site layout may have changed`,
      );
    }
  } catch (err) {
    ctx.logger.error({ err, source_id: source.id }, "could not record extraction state");
  }
}

/** The one-paragraph summary printed by `revfeed once`. */
export function describeCycle(s: CycleSummary): string {
  const polled = s.polls.filter((p) => p.result === "ok" || p.result === "not_modified").length;
  const items = s.polls.reduce((n, p) => n + p.items, 0);
  const fresh = s.polls.reduce((n, p) => n + p.newArticles, 0);
  const c = s.checks;
  const checked = c.changed + c.unchanged + c.not_modified + c.failed + c.removed;
  const parts = [
    `Polled ${polled} of ${s.polls.length} sources (${items} items, ${fresh} new articles);`,
    `checked ${checked} articles: ${c.changed} changed, ${c.unchanged} unchanged, ${c.not_modified} not modified (304), ${c.removed} removed, ${c.failed} failed;`,
    `stored ${s.revisions} new revisions in ${(s.durationMs / 1000).toFixed(1)} s.`,
  ];
  const failed = s.failures
    .slice(0, 5)
    .map((f) => `${f.sourceId}${f.articleId ? `#${f.articleId}` : ""}: ${f.kind} (${f.message})`);
  if (failed.length > 0)
    parts.push(
      `Failures: ${failed.join("; ")}${s.failures.length > 5 ? ` and ${s.failures.length - 5} more` : ""}.`,
    );
  if (s.aborted) parts.push("The cycle was interrupted by shutdown.");
  return parts.join(" ");
}
