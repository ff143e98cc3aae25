/**
 * Trend's human-readable date lines (domain notes §1.3):
 *   page:    `24 октября 2025 14:35 (UTC +04:00)`, `6 Dekabr 2025 15:49 (UTC +04:00)`, `24 October 2025 14:35`
 *   listing: `15 Noyabr 10:31 (UTC+04)` (no year) and `15:49 (UTC+04)` (time only, meaning today in Baku)
 * A missing offset means Baku time (UTC+4, no DST since 2016). A missing year or day is taken from `now`
 * as seen in that offset, which is why `now` is a parameter.
 */

const BAKU_OFFSET_MIN = 4 * 60;

// Checked in order; a word is a month when it starts with the stem ("июн" before "ию…", "мар" before "ма").
const MONTH_STEMS: readonly [string, number][] = [
  ["янв", 1],
  ["фев", 2],
  ["мар", 3],
  ["апр", 4],
  ["ма", 5],
  ["июн", 6],
  ["июл", 7],
  ["авг", 8],
  ["сен", 9],
  ["окт", 10],
  ["ноя", 11],
  ["дек", 12],
  ["yan", 1],
  ["fev", 2],
  ["iyun", 6],
  ["iyul", 7],
  ["avq", 8],
  ["sen", 9],
  ["okt", 10],
  ["noy", 11],
  ["dek", 12],
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["may", 5],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
];

function monthOf(word: string): number | null {
  const folded = word.toLowerCase().replace(/i̇/g, "i").replace(/ı/g, "i");
  for (const [stem, month] of MONTH_STEMS) if (folded.startsWith(stem)) return month;
  return null;
}

function offsetMinutes(text: string): number {
  const m = /\(?\s*(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*\)?/i.exec(text);
  if (!m) return BAKU_OFFSET_MIN;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

const DAY_MONTH = /(\d{1,2})\s+(\p{L}+)\.?(?:\s+(\d{4}))?,?\s+(\d{1,2}):(\d{2})/u;
const TIME_ONLY = /^\s*(\d{1,2}):(\d{2})(?!\d)/;

/**
 * Parses one of Trend's date lines to UTC ISO, or null when the text is not one. Without `now`, only
 * complete dates (with a year) are accepted.
 */
export function parseTrendDate(text: string, now?: Date): string | null {
  const offset = offsetMinutes(text);
  // "Local" calendar fields of `now` in the page's offset.
  const local = now ? new Date(now.getTime() + offset * 60_000) : null;
  const toIso = (y: number, mo: number, d: number, h: number, mi: number) =>
    new Date(Date.UTC(y, mo - 1, d, h, mi) - offset * 60_000).toISOString();

  const full = DAY_MONTH.exec(text);
  if (full) {
    const month = monthOf(full[2] ?? "");
    if (month === null) return null;
    const [day, hour, minute] = [Number(full[1]), Number(full[4]), Number(full[5])];
    if (full[3]) return toIso(Number(full[3]), month, day, hour, minute);
    if (!local || !now) return null;
    // No year: this year, unless that lies in the future (a Dec 31 item read on Jan 1), then last year.
    const year = local.getUTCFullYear();
    const iso = toIso(year, month, day, hour, minute);
    return Date.parse(iso) > now.getTime() + 24 * 3_600_000 ? toIso(year - 1, month, day, hour, minute) : iso;
  }
  const time = TIME_ONLY.exec(text);
  if (time && local && now) {
    const [y, mo, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
    const iso = toIso(y, mo, d, Number(time[1]), Number(time[2]));
    // Today in Baku; a time more than an hour ahead can only be yesterday's late item seen after midnight.
    if (Date.parse(iso) > now.getTime() + 3_600_000) {
      return new Date(Date.parse(iso) - 24 * 3_600_000).toISOString();
    }
    return iso;
  }
  return null;
}
