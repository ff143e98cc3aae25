import type { SourceConfig } from "../config/schema.js";
import type { ArticleStatus } from "../model.js";
import { latestRevisionHead, latestRevisionText, revisionHashes } from "../store/check-queries.js";
import type { AddedRevision, ArticleUpdate, CheckRecord, WatchedArticle } from "../store/store.js";
import { analysePage, type PageInput } from "./analyse-page.js";
import type { FailureInfo, WatchContext } from "./deps.js";
import { feedDiffKey } from "./feed-diffs.js";
import { planNextCheck, planRetry } from "./recheck-schedule.js";

export type CheckResult = "changed" | "unchanged" | "not_modified" | "failed" | "removed";

export interface CheckOutcome {
  articleId: number;
  result: CheckResult;
  revision: AddedRevision | null;
  failure: FailureInfo | null;
}

const PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

/**
 * One check of one article: fetch (conditional), extract, decide whether the text changed, and record
 * everything in one store transaction. Failures of the site are outcomes, never exceptions.
 */
export async function checkArticle(
  ctx: WatchContext,
  article: WatchedArticle,
  source: SourceConfig,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const { store, clock, stages, config } = ctx;
  // Most checks log nothing (a 304): the child logger is made only when a line is written.
  const log = () => ctx.logger.child({ source_id: source.id, article_id: article.id, url: article.url });
  // Hash and marker only: a 304 needs no stored text, so the paragraphs are read only for a changed page.
  const latest = ctx.latestHeads
    ? (ctx.latestHeads.get(article.id) ?? null)
    : latestRevisionHead(store.db, article.id);
  // Without a stored revision a 304 would leave us with nothing: only ask conditionally when we have text.
  const page = await stages.fetch({
    url: article.url,
    etag: latest ? article.etag : null,
    lastModified: latest ? article.lastModified : null,
    accept: PAGE_ACCEPT,
    signal,
  });
  const now = clock.now();
  const nowIso = now.toISOString();
  const outcome = (
    result: CheckResult,
    revision: AddedRevision | null = null,
    failure: FailureInfo | null = null,
  ) => {
    ctx.metrics.check(result === "removed" ? "changed" : result);
    return { articleId: article.id, result, revision, failure };
  };
  // An article past the last recheck tier is no longer checked: a plain one is then "stopped".
  const record = (given: CheckRecord, committed?: (added: AddedRevision | null) => void) => {
    const status = given.article.status ?? article.status;
    const rec =
      given.article.nextCheckAt === null && status === "watching"
        ? { ...given, article: { ...given.article, status: "stopped" as const } }
        : given;
    // Checks share commits (check-batch.ts); each is still atomic on its own.
    if (ctx.batch) return ctx.batch.add(() => store.recordCheck(article.id, rec), committed);
    const added = store.recordCheck(article.id, rec);
    committed?.(added);
    return added;
  };
  const schedule = (developing: boolean, finalChecksLeft: number, lastChangedAt: string | null) =>
    planNextCheck(
      { now, developing, finalChecksLeft, lastChangedAt, firstSeenAt: article.firstSeenAt },
      config.watch,
    );

  if (page.kind === "failed") {
    const failure = page.failure;
    // Aborted by our own shutdown: not the site's fault, so no failure, no back-off; the next run redoes it.
    if (failure.kind === "aborted")
      return { articleId: article.id, result: "failed", revision: null, failure };
    ctx.metrics.failure(failure.kind);
    if (failure.kind === "not-found") {
      if (article.status === "removed") {
        const plan = schedule(false, 0, article.lastChangedAt);
        record({ article: { lastCheckedAt: nowIso, nextCheckAt: plan.nextCheckAt } });
        return outcome("unchanged");
      }
      log().info({ kind: failure.kind, status: failure.status }, "article removed by the site");
      const plan = schedule(false, 0, nowIso);
      record({
        event: { kind: "removed", at: nowIso, detail: `HTTP ${failure.status ?? 404}` },
        article: {
          status: "removed",
          lastChangedAt: nowIso,
          lastCheckedAt: nowIso,
          nextCheckAt: plan.nextCheckAt,
        },
      });
      return outcome("removed", null, failure);
    }
    const failures = article.consecutiveFailures + 1;
    log().warn({ kind: failure.kind, status: failure.status, failures }, `check failed: ${failure.message}`);
    record({
      article: {
        lastCheckedAt: nowIso,
        consecutiveFailures: failures,
        lastError: `${failure.kind}: ${failure.message}`,
        nextCheckAt: planRetry(now, stages.backoffMs(failures, failure.retryAfterMs)),
      },
    });
    return outcome("failed", null, failure);
  }

  const restored: Pick<CheckRecord, "event"> & { status?: ArticleStatus } =
    article.status === "removed" ? { event: { kind: "restored", at: nowIso } } : {};

  if (page.kind === "not-modified") {
    const developing = latest?.developing ?? false;
    const plan = schedule(developing, article.finalChecksLeft, article.lastChangedAt);
    const status = restored.event ? statusOf(developing, latest, article.status) : undefined;
    record({
      ...restored,
      article: { status, lastCheckedAt: nowIso, consecutiveFailures: 0, lastError: null, ...plan },
    });
    return outcome("not_modified");
  }

  const stored = latest ? latestRevisionText(store.db, article.id) : null;
  const input: PageInput = {
    // The fetcher's body is a copy, not a view into the socket's buffers, and nothing reads it after this.
    bytes: page.body,
    transfer: true,
    contentType: page.contentType,
    url: page.url,
    source,
    articleLang: article.lang,
    previous: stored,
    knownHashes: stored ? revisionHashes(store.db, article.id) : [],
    minLengthRatio: config.watch.minLengthRatio,
    feedDiff: ctx.feedDiffs !== undefined,
  };
  const analysis = stages.analyse ? await stages.analyse(input) : analysePage(stages, input);
  if (analysis.kind === "failed") {
    const { reason, message } = analysis;
    ctx.metrics.failure(`extract-${reason}`);
    const failures = article.consecutiveFailures + 1;
    log().warn({ kind: `extract-${reason}`, failures }, `extraction failed: ${message}`);
    // No ETag is kept, so the next check fetches the page in full again.
    record({
      event: { kind: "extract-failed", at: nowIso, detail: `${reason}: ${message}` },
      article: {
        lastCheckedAt: nowIso,
        consecutiveFailures: failures,
        lastError: `extract-${reason}: ${message}`,
        nextCheckAt: planRetry(now, stages.backoffMs(failures, undefined)),
      },
    });
    return outcome("failed", null, { kind: `extract-${reason}`, transient: true, message });
  }

  const { developing } = analysis;
  const fetchState: ArticleUpdate = {
    etag: page.etag,
    lastModified: page.lastModified,
    lastCheckedAt: nowIso,
    consecutiveFailures: 0,
    lastError: null,
  };

  if (analysis.kind === "same") {
    const plan = schedule(developing, article.finalChecksLeft, article.lastChangedAt);
    const status = restored.event ? statusOf(developing, latest, article.status) : undefined;
    record({ ...restored, article: { ...fetchState, ...plan, status } });
    return outcome("unchanged");
  }

  const { found, hash, revertOf, change, diffHtml, tags, storedParagraphs } = analysis;
  const becameFinal = latest?.developing === true && !developing;
  const finalChecksLeft = becameFinal ? config.watch.finalChecks : developing ? 0 : article.finalChecksLeft;
  const plan = schedule(developing, finalChecksLeft, nowIso);
  const added = record(
    {
      revision: {
        observedAt: nowIso,
        title: found.title,
        paragraphs: storedParagraphs,
        hash,
        developing,
        event: revertOf !== null ? "revert" : null,
        revertOf,
        ...change,
        tags,
        httpStatus: page.status,
        etag: page.etag,
        lastModified: page.lastModified,
        finalUrl: page.url,
      },
      event: becameFinal ? { kind: "final", at: nowIso } : restored.event,
      article: {
        ...fetchState,
        ...plan,
        status: statusOf(developing, latest, article.status),
        title: found.title,
        lang: found.lang ?? article.lang,
        publishedAt: found.publishedAt ?? article.publishedAt,
        lastChangedAt: nowIso,
      },
    },
    // Only a check with a diff to offer waits for the commit (a waiting check keeps its revision alive).
    diffHtml !== null && stored && ctx.feedDiffs ? offerDiff(ctx, stored.seq, diffHtml) : undefined,
  );
  if (added) {
    ctx.metrics.revision();
    log().info({ seq: added.seq, labels: added.labels, developing }, "new revision");
  }
  return outcome(added ? "changed" : "unchanged", added);
}

/**
 * Leaves the diff the analysis rendered for the publisher (feed-diffs.ts), once the revision is committed
 * and only if it directly follows the revision it was diffed against (a second writer may have added one).
 */
function offerDiff(ctx: WatchContext, diffedSeq: number, diffHtml: string) {
  return (added: AddedRevision | null): void => {
    if (added?.seq === diffedSeq + 1) ctx.feedDiffs?.set(feedDiffKey(added.articleId, added.seq), diffHtml);
  };
}

/** developing while the marker is there; final once it went away (or was final before); else watching. */
function statusOf(
  developing: boolean,
  latest: { developing: boolean } | null,
  current: ArticleStatus,
): ArticleStatus {
  if (developing) return "developing";
  if (latest?.developing || current === "final") return "final";
  return "watching";
}
