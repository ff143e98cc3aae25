import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local news site for tests: an RSS feed and article pages whose text changes step by step, with noise
 * that changes on every request (view counter, clock, rotating "most read"). Two layouts: `trend` (the
 * markup of Trend's article pages) and `generic` (a plain CMS page, optionally in windows-1251).
 */

export interface Story {
  id: number;
  section?: string;
  title: string;
  paragraphs: string[];
  /** ISO time shown on the page and in the feed. */
  publishedAt: string;
  /** 404 (or 410 with `gone`) instead of the page. */
  removed?: boolean;
  gone?: boolean;
  /** Left out of the feed (the article is still reachable). */
  hiddenFromFeed?: boolean;
}

export interface SiteOptions {
  layout: "trend" | "generic";
  charset?: "utf-8" | "windows-1251";
  /** Answer conditional requests with 304 when the story text is unchanged. */
  etags?: boolean;
  lang?: string;
}

export interface RequestRecord {
  path: string;
  status: number;
  conditional: boolean;
}

export class NewsSite {
  readonly stories = new Map<number, Story>();
  readonly requests: RequestRecord[] = [];
  #server: Server;
  #views = 0;
  #options: Required<SiteOptions>;
  origin = "";

  constructor(options: SiteOptions) {
    this.#options = { charset: "utf-8", etags: true, lang: "ru", ...options };
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  get feedUrl(): string {
    return `${this.origin}/feeds/index.rss`;
  }

  articleUrl(story: Pick<Story, "id" | "section">): string {
    return `${this.origin}/${story.section ?? "azerbaijan/business"}/${story.id}.html`;
  }

  put(story: Story): void {
    this.stories.set(story.id, { ...story, paragraphs: [...story.paragraphs] });
  }

  update(id: number, change: Partial<Story>): void {
    const story = this.stories.get(id);
    if (!story) throw new Error(`no story ${id}`);
    this.put({ ...story, ...change });
  }

  /** Requests since the last call, for assertions about what the watcher fetched. */
  takeRequests(): RequestRecord[] {
    return this.requests.splice(0);
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.origin);
    const conditional = Boolean(req.headers["if-none-match"] || req.headers["if-modified-since"]);
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      this.requests.push({ path: url.pathname, status, conditional });
      res.writeHead(status, { "content-type": type, ...headers });
      res.end(body);
    };
    if (url.pathname === "/feeds/index.rss") {
      const body = this.#feed();
      return this.#withEtag(req, send, "application/rss+xml; charset=utf-8", Buffer.from(body, "utf8"), body);
    }
    const match = /\/(\d+)\.html$/.exec(url.pathname);
    const story = match ? this.stories.get(Number(match[1])) : undefined;
    if (!story) return send(404, "text/html; charset=utf-8", "<h1>Not found</h1>");
    if (story.removed)
      return send(story.gone ? 410 : 404, "text/html; charset=utf-8", "<h1>Страница не найдена</h1>");
    const html = this.#options.layout === "trend" ? this.#trendPage(story) : this.#genericPage(story);
    const charset = this.#options.charset;
    const bytes = charset === "utf-8" ? Buffer.from(html, "utf8") : encodeCp1251(html);
    this.#withEtag(
      req,
      send,
      `text/html; charset=${charset}`,
      bytes,
      JSON.stringify([story.title, story.paragraphs]),
    );
  }

  /** The ETag follows the story's text only, as a CDN-cached page's would; the noise is per full response. */
  #withEtag(
    req: IncomingMessage,
    send: (status: number, type: string, body: string | Buffer, headers?: Record<string, string>) => void,
    type: string,
    body: Buffer,
    versionKey: string,
  ): void {
    if (!this.#options.etags) return send(200, type, body);
    const etag = `"${createHash("sha1").update(versionKey).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag) return send(304, type, "", { etag });
    send(200, type, body, { etag });
  }

  #feed(): string {
    const items = [...this.stories.values()]
      .filter((s) => !s.hiddenFromFeed)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map(
        (s) =>
          `<item><title><![CDATA[${s.title}]]></title><link>${this.articleUrl(s)}</link>` +
          `<pubDate>${rfc822Baku(s.publishedAt)}</pubDate></item>`,
      );
    return (
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local news</title>` +
      `<link>${this.origin}/</link><description>test site</description>${items.join("")}</channel></rss>`
    );
  }

  #noise(): { views: number; clock: string; mostRead: string } {
    this.#views++;
    const headlines = ["Курс маната", "Погода в Баку", "Цены на нефть", "Футбол: итоги тура", "Новый мост"];
    const start = this.#views % headlines.length;
    const rotated = [...headlines.slice(start), ...headlines.slice(0, start)];
    return {
      views: 1000 + this.#views * 7,
      clock: `${String(this.#views % 24).padStart(2, "0")}:${String((this.#views * 13) % 60).padStart(2, "0")}`,
      mostRead: rotated.map((h, i) => `<li><a href="/other/${900 + i}.html">${h}</a></li>`).join(""),
    };
  }

  #trendPage(s: Story): string {
    const n = this.#noise();
    const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
    return `<!DOCTYPE html><html lang="${this.#options.lang}"><head><meta charset="utf-8">
<title>${escapeHtml(s.title)} - Trend</title>
<meta property="article:published_time" content="${s.publishedAt.replace("Z", "+00:00")}">
</head><body><header><div class="clock">${n.clock} (UTC +04:00)</div><nav><a href="/">Главная</a></nav></header>
<div class="article"><div class="top-part"><h1>${escapeHtml(s.title)}</h1>
<div class="meta"><span class="categories">Бизнес</span><span class="date-time">24 октября 2025 14:35 (UTC +04:00)</span>
<span class="views">Просмотров: ${n.views}</span></div></div>
<div class="left-part"><div class="sticky-content"><div class="social-sharing"><a href="#">Поделиться</a></div></div></div>
<div class="right-part"><div class="article-paddings"><span class="author">Автор: Редакция</span></div>
<div class="article-content article-paddings">
${paragraphs}
</div><div class="advert-banner">Реклама: лучшие вклады ${n.views}</div></div></div>
<ul class="related-news"><li><a href="/other/1.html">Связанная новость ${n.views}</a></li></ul>
<div class="most-read"><ul>${n.mostRead}</ul></div>
<footer>Подписывайтесь на наш Telegram-канал @trend</footer></body></html>`;
  }

  #genericPage(s: Story): string {
    const n = this.#noise();
    const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
    return `<!DOCTYPE html><html lang="${this.#options.lang}"><head><meta charset="${this.#options.charset}">
<title>${escapeHtml(s.title)} | Вести региона</title></head><body>
<div id="top"><a href="/">Вести региона</a> <span class="now">Сейчас ${n.clock}</span></div>
<div id="layout"><main><article><h1>${escapeHtml(s.title)}</h1><time datetime="${s.publishedAt}">${s.publishedAt}</time>
<div class="text">${paragraphs}</div></article></main>
<aside><h3>Самое читаемое</h3><ul>${n.mostRead}</ul><p>Просмотров: ${n.views}</p></aside></div>
<footer><p>© Вести региона. Все права защищены.</p></footer></body></html>`;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function rfc822Baku(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 4 * 3_600_000);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0400`;
}

/** windows-1251 encoder for the test site (TextEncoder only writes UTF-8). */
function encodeCp1251(text: string): Buffer {
  const decoder = new TextDecoder("windows-1251");
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) out[i++] = table.get(ch) ?? 0x3f;
  return out.subarray(0, i);
}
