/**
 * Canonical article URLs and keys. One story must get one key however a feed or a user spells its URL:
 * fragment, tracking parameters, host case, default port, http/https, a trailing slash, a host alias
 * (Trend's en.trend.az and www.trend.az are one edition) or, on Trend, a different section path.
 */

export type Profile = "trend" | "generic";

export interface CanonicalOptions {
  profile: Profile;
  /** Groups of hosts that serve one site; every host of a group folds to the group's first host. */
  aliases?: readonly (readonly string[])[];
}

export interface CanonicalUrl {
  /** The URL to fetch and show: tracking and fragment removed, scheme and path kept. */
  url: string;
  /** Identity of the article: `<host>/<site id>` on Trend, otherwise host + path + sorted query. */
  key: string;
  /** The site's own article id (Trend's numeric id), when the URL carries one. */
  siteId: string | null;
}

const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "ysclid",
  "twclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_openstat",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "oly_anon_id",
  "oly_enc_id",
  "rb_clickid",
  "s_cid",
  "vero_id",
  "wickedid",
  "spm",
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
}

/**
 * Trend hosts that are one edition. English is served from www.trend.az; feeds and old configs still say
 * en.trend.az, and the bare domain redirects to www (domain notes §1.1).
 */
const TREND_ALIASES: readonly (readonly string[])[] = [["www.trend.az", "en.trend.az", "trend.az"]];

/** Trend article ids: the number before `.html` at the end of the path, whatever the section. */
const TREND_ID = /\/(\d+)\.html$/;

function viaGroups(host: string, groups: readonly (readonly string[])[]): string {
  for (const group of groups) {
    if (group.some((h) => h.toLowerCase() === host)) return (group[0] ?? host).toLowerCase();
  }
  return host;
}

/** Built-in aliases apply before and after the configured ones, so either may name any member first. */
function foldHost(host: string, options: CanonicalOptions): string {
  const builtIn = options.profile === "trend" ? TREND_ALIASES : [];
  const lower = host.toLowerCase().replace(/\.$/, "");
  return viaGroups(viaGroups(viaGroups(lower, builtIn), options.aliases ?? []), builtIn);
}

function parseUrl(url: string): URL {
  try {
    return new URL(url.trim());
  } catch {
    throw new Error(`canonical-url: "${url}" is not an absolute URL`);
  }
}

export function canonicalize(url: string, options: CanonicalOptions): CanonicalUrl {
  const parsed = parseUrl(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`canonical-url: "${url}" is not an http(s) URL`);
  }
  parsed.hash = "";
  for (const name of [...parsed.searchParams.keys()]) {
    if (isTracking(name)) parsed.searchParams.delete(name);
  }
  const clean = parsed.toString().replace(/\?$/, "");
  const host = foldHost(parsed.host, options);

  const id = options.profile === "trend" ? TREND_ID.exec(parsed.pathname)?.[1] : undefined;
  if (id !== undefined) return { url: clean, key: `${host}/${id}`, siteId: id };

  const path = parsed.pathname.replace(/\/+$/, "");
  const params = [...parsed.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a === b ? av.localeCompare(bv) : a.localeCompare(b),
  );
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : "";
  return { url: clean, key: `${host}${path}${query}`, siteId: null };
}

/**
 * Keys under which a user-typed article reference may be stored: a URL (any alias, scheme or tracking
 * noise) or a bare Trend id. A bare id yields the keys of every Trend edition, most used first, since the
 * editions number their articles from one shared sequence; the caller also tries it as a site id.
 */
export function articleKeyCandidates(ref: string, aliases: readonly (readonly string[])[] = []): string[] {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    return ["ru.trend.az", "az.trend.az", "www.trend.az"].map((host) => `${host}/${trimmed}`);
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const keys: string[] = [];
  for (const profile of ["trend", "generic"] as const) {
    try {
      const { key } = canonicalize(withScheme, { profile, aliases });
      if (!keys.includes(key)) keys.push(key);
    } catch {
      // not a URL: no key candidates from this reading of the reference
    }
  }
  return keys;
}

/** Name used by the CLI (`src/cli/common.ts`). */
export const articleRefCandidates = articleKeyCandidates;
