import type { SourceConfig } from "../config/schema.js";
import { registerArticle } from "../store/register-article.js";
import type { FailureInfo, WatchContext } from "./deps.js";
import { planRetry } from "./recheck-schedule.js";

export interface PollOutcome {
  sourceId: string;
  result: "ok" | "not_modified" | "failed" | "skipped";
  items: number;
  newArticles: number;
  offsite: number;
  failure: FailureInfo | null;
}

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, */*;q=0.5";

/**
 * Polls one source feed and registers its items as articles (due for a first check at once).
 * Links to hosts that no source covers are recorded as stopped articles and never fetched.
 */
export async function pollSource(
  ctx: WatchContext,
  source: SourceConfig,
  signal?: AbortSignal,
): Promise<PollOutcome> {
  const { store, clock, stages } = ctx;
  const log = ctx.logger.child({ source_id: source.id, url: source.url });
  store.syncSource(source);
  const state = store.getSource(source.id);
  const now = clock.now();
  const base = { sourceId: source.id, items: 0, newArticles: 0, offsite: 0, failure: null };
  if (state?.nextPollAt && state.nextPollAt > now.toISOString()) return { ...base, result: "skipped" };

  const page = await stages.fetch({
    url: source.url,
    etag: state?.etag,
    lastModified: state?.lastModified,
    accept: FEED_ACCEPT,
    signal,
  });
  const nowIso = clock.now().toISOString();
  if (page.kind === "failed") return failed(page.failure);
  if (page.kind === "not-modified") {
    store.updateSource(source.id, {
      lastPolledAt: nowIso,
      lastSuccessAt: nowIso,
      consecutiveFailures: 0,
      nextPollAt: null,
    });
    return { ...base, result: "not_modified" };
  }

  let items: Awaited<ReturnType<typeof stages.parseFeed>>;
  try {
    items = await stages.parseFeed(page.text, page.url);
  } catch (err) {
    return failed({ kind: "bad-feed", transient: true, message: (err as Error).message });
  }
  let newArticles = 0;
  let offsite = 0;
  // One commit for the whole feed, not one per item: 2,000 items cost 2,000 commits otherwise. IMMEDIATE
  // takes the write lock before reading, so another writer committing meanwhile cannot make it fail.
  store.db
    .transaction(() => {
      for (const item of items.slice(0, ctx.config.watch.maxItemsPerFeed)) {
        let canonical: ReturnType<typeof stages.canonicalize>;
        try {
          canonical = stages.canonicalize(item.url, source);
        } catch {
          log.debug({ item_url: item.url }, "item link is not a usable URL");
          continue;
        }
        const host = new URL(canonical.url).hostname;
        const { id, created } = registerArticle(
          store.db,
          {
            key: canonical.key,
            url: canonical.url,
            sourceId: source.id,
            siteId: canonical.siteId,
            lang: source.lang ?? null,
            title: item.title ?? "",
            publishedAt: item.publishedAt,
          },
          nowIso,
        );
        if (created && !ctx.isAllowedHost(host)) {
          offsite++;
          store.recordCheck(id, {
            article: { status: "stopped", nextCheckAt: null, lastError: "offsite link: not fetched" },
          });
          log.info(
            { item_url: canonical.url },
            "feed links to a host no source covers: recorded, not fetched",
          );
        } else if (created) {
          newArticles++;
        }
      }
      store.updateSource(source.id, {
        etag: page.etag,
        lastModified: page.lastModified,
        lastPolledAt: nowIso,
        lastSuccessAt: nowIso,
        consecutiveFailures: 0,
        lastError: null,
        nextPollAt: null,
      });
    })
    .immediate();
  log.info({ items: items.length, new_articles: newArticles }, "feed polled");
  return { ...base, result: "ok", items: items.length, newArticles, offsite };

  function failed(failure: FailureInfo): PollOutcome {
    const failures = (state?.consecutiveFailures ?? 0) + 1;
    ctx.metrics.failure(failure.kind);
    log.warn(
      { kind: failure.kind, status: failure.status, failures },
      `feed poll failed: ${failure.message}`,
    );
    // Honour Retry-After and back off on repeated failures; the cron tick simply skips the source until then.
    const retryMs = stages.backoffMs(failures, failure.retryAfterMs);
    store.updateSource(source.id, {
      lastPolledAt: nowIso,
      consecutiveFailures: failures,
      lastError: `${failure.kind}: ${failure.message}`,
      nextPollAt: failures > 1 || failure.retryAfterMs ? planRetry(clock.now(), retryMs) : null,
    });
    return { ...base, result: "failed", failure };
  }
}
