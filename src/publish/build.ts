import type { PublishConfig } from "../config/schema.js";
import {
  changeSummary,
  currentStateParts,
  latestTextRevision,
  revisionParts,
  revisionTitle,
  statusLine,
} from "./content.js";
import {
  type FeedCategory,
  type FeedDocument,
  type FeedEntry,
  type FeedLink,
  newestTime,
} from "./document.js";
import type { PublishArticle, PublishRevision, PublishSite } from "./input.js";
import {
  articleEntryId,
  articleFeedFile,
  articlePageUrl,
  diffPageUrl,
  feedFileUrl,
  feedId,
  revisionEntryId,
  revisionPageUrl,
  sourcePageUrl,
} from "./links.js";
import { cleanText } from "./sanitize.js";
import { articleUpdated, type SelectedRevision } from "./select.js";

/** Format-neutral documents for the three kinds of feed: current state, revisions, one article. */

/**
 * Where documents get their entries. An entry depends only on the site, the article snapshot and (for a
 * revision entry) the revision snapshot, so a caller that keeps snapshots immutable may hand out the same
 * entry object again (see entries.ts); renderers remember what they rendered for an entry object.
 */
export interface EntrySource {
  current(article: PublishArticle): FeedEntry;
  revision(article: PublishArticle, rev: PublishRevision): FeedEntry;
}

/** A new entry object every time. */
export function freshEntries(site: PublishSite): EntrySource {
  return {
    current: (article) => currentEntry(site, article),
    revision: (article, rev) => revisionEntry(site, article, rev),
  };
}

const AUTHOR = "revfeed";

function categories(site: PublishSite, article: PublishArticle): FeedCategory[] {
  const seen = new Set<string>();
  const out: FeedCategory[] = [];
  for (const tag of article.tags) {
    const term = cleanText(tag);
    if (term === "" || seen.has(term)) continue;
    seen.add(term);
    out.push({ term, label: cleanText(site.tagLabels?.[tag] ?? "") || term });
  }
  return out;
}

function articleLinks(site: PublishSite, article: PublishArticle): FeedLink[] {
  return [
    {
      rel: "related",
      href: feedFileUrl(site, articleFeedFile(article.id)),
      type: "application/atom+xml",
      title: "All revisions of this article",
    },
    { rel: "via", href: sourcePageUrl(site, article), type: "text/html", title: "Source page" },
  ];
}

function headline(article: PublishArticle): string {
  return (
    cleanText(latestTextRevision(article)?.title ?? "") || cleanText(article.title) || `Article ${article.id}`
  );
}

/**
 * An entry's content (most of its size) is made when first read and remembered until releaseContent:
 * each renderer reads it a few times and then keeps its own bytes for the entry, so an entry kept between
 * renders (entries.ts) need not hold its content as well. Read after a release, it is made again.
 */
const contents = new WeakMap<FeedEntry, { parts: string[]; html?: string }>();

function contentOf(entry: FeedEntry, make: () => string[]): { parts: string[]; html?: string } {
  let content = contents.get(entry);
  if (content === undefined) {
    content = { parts: make() };
    contents.set(entry, content);
  }
  return content;
}

/** The content as one string, joined once (the DOM renderer and the emptiness checks read it). */
function contentHtmlOf(entry: FeedEntry, make: () => string[]): string {
  const content = contentOf(entry, make);
  content.html ??= content.parts.join("");
  return content.html;
}

export function releaseContent(entry: FeedEntry): void {
  contents.delete(entry);
}

export function currentEntry(site: PublishSite, article: PublishArticle): FeedEntry {
  const prefix =
    article.status === "developing" ? "[developing] " : article.status === "removed" ? "[removed] " : "";
  const latest = article.revisions[0];
  const entry: FeedEntry = {
    id: articleEntryId(site, article.id),
    title: `${prefix}${headline(article)}`,
    link: articlePageUrl(site, article.id),
    links: articleLinks(site, article),
    published: new Date(article.publishedAt ?? article.firstSeenAt).toISOString(),
    updated: articleUpdated(article),
    summary: latest
      ? `${statusLine(article)}. Rev ${latest.seq}: ${changeSummary(latest)}`
      : statusLine(article),
    get contentHtml() {
      return contentHtmlOf(entry, () => currentStateParts(site, article));
    },
    get contentParts() {
      return contentOf(entry, () => currentStateParts(site, article)).parts;
    },
    categories: categories(site, article),
    lang: article.lang,
  };
  return entry;
}

export function revisionEntry(site: PublishSite, article: PublishArticle, rev: PublishRevision): FeedEntry {
  const observed = new Date(rev.observedAt).toISOString();
  const entry: FeedEntry = {
    id: revisionEntryId(site, article.id, rev.seq, rev.event === "removed" ? rev.eventId : undefined),
    title: revisionTitle(article, rev),
    // The entry's link opens the change itself: one click from the reader to the diff page.
    link:
      rev.event === "removed"
        ? revisionPageUrl(site, article.id, rev.seq)
        : diffPageUrl(site, article.id, rev.seq),
    links: articleLinks(site, article),
    published: observed,
    updated: observed,
    summary: `Rev ${rev.seq}: ${changeSummary(rev)}`,
    get contentHtml() {
      return contentHtmlOf(entry, () => revisionParts(site, article, rev));
    },
    get contentParts() {
      return contentOf(entry, () => revisionParts(site, article, rev)).parts;
    },
    categories: categories(site, article),
    lang: article.lang,
  };
  return entry;
}

function urlsFor(site: PublishSite, stem: string, formats: "all" | "atom") {
  return formats === "all"
    ? {
        atom: feedFileUrl(site, `${stem}.atom`),
        rss: feedFileUrl(site, `${stem}.rss`),
        json: feedFileUrl(site, `${stem}.json`),
      }
    : { atom: feedFileUrl(site, `${stem}.atom`) };
}

function feedLang(config: PublishConfig): string | null {
  return config.languages.length === 1 ? (config.languages[0] ?? null) : null;
}

function common(site: PublishSite) {
  return {
    homePage: `${site.baseUrl.replace(/\/+$/, "")}/`,
    hub: site.hub ?? null,
    generator: cleanText(site.generator),
    authorName: AUTHOR,
  };
}

/** `chosen`: the articles `selectArticles` picked for this feed, in order. */
export function buildCurrentDocument(
  site: PublishSite,
  config: PublishConfig,
  chosen: PublishArticle[],
  source: EntrySource = freshEntries(site),
): FeedDocument {
  const entries = chosen.map((a) => source.current(a));
  // RFC 6721: a removed article's current-state entry is also marked deleted; `when` equals the entry's
  // `updated`, so tombstone-aware readers drop it while the rest still see the "removed" status line.
  const tombstones = chosen
    .filter((a) => a.status === "removed" && a.removedAt !== null)
    .map((a) => ({
      ref: articleEntryId(site, a.id),
      when: articleUpdated(a),
      comment: `Removed from the source page: ${headline(a)}`,
      link: articlePageUrl(site, a.id),
    }));
  return {
    stem: config.name,
    id: feedId(site, config.name),
    title: cleanText(config.title),
    description: cleanText(config.description ?? `${config.title}: one entry per article, updated in place`),
    lang: feedLang(config),
    updated: newestTime(entries.map((e) => e.updated)),
    urls: urlsFor(site, config.name, "all"),
    ...common(site),
    entries,
    tombstones,
  };
}

/** `selected`: the revisions `selectRevisions` picked for this feed, in order. */
export function buildRevisionsDocument(
  site: PublishSite,
  config: PublishConfig,
  selected: SelectedRevision[],
  source: EntrySource = freshEntries(site),
): FeedDocument {
  const stem = `${config.name}.revisions`;
  const entries = selected.map((s) => source.revision(s.article, s.revision));
  return {
    stem,
    id: feedId(site, stem),
    title: `${cleanText(config.title)} (every revision)`,
    description: cleanText(`${config.description ?? config.title}: one entry per detected revision`),
    lang: feedLang(config),
    updated: newestTime(entries.map((e) => e.updated)),
    urls: urlsFor(site, stem, "all"),
    ...common(site),
    entries,
    tombstones: [],
  };
}

/** Every revision given for one article, minor ones included: this feed is the article's full record. */
export function buildArticleDocument(
  site: PublishSite,
  article: PublishArticle,
  source: EntrySource = freshEntries(site),
): FeedDocument {
  const stem = `articles/${article.id}`;
  const entries = [...article.revisions]
    .sort((a, b) => b.seq - a.seq)
    .map((rev) => source.revision(article, rev));
  return {
    stem,
    id: feedId(site, stem),
    title: `Revisions: ${headline(article)}`,
    description: `Every revision revfeed detected of ${sourcePageUrl(site, article)}`,
    lang: article.lang,
    updated: newestTime(entries.map((e) => e.updated)),
    urls: urlsFor(site, stem, "atom"),
    ...common(site),
    homePage: articlePageUrl(site, article.id),
    entries,
    tombstones: [],
  };
}
