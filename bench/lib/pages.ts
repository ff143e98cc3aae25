/**
 * Generated Trend-like article pages for the cycle benchmark: Russian text inside about 60 KB of realistic
 * boilerplate (menus, tickers, sidebars, inline scripts), the same markup skeleton as domain notes §1.3.
 * Deterministic: page `id` at `version` v always has the same bytes, so runs are comparable.
 */

import { seeded } from "./random.js";

const WORDS = (
  "министр встреча заседание государств организации сотрудничество экономика развитие проект " +
  "инвестиции энергетика нефть газ транспорт коридор торговля соглашение подписание делегация визит " +
  "президент правительство парламент вопрос региона стороны обсудили перспективы партнерство рамках " +
  "программы объем рост процентов миллионов долларов году месяце рынок компания банк кредит финансирование " +
  "строительство дорога железная порт грузоперевозки экспорт импорт продукция сельское хозяйство " +
  "образование культура туризм безопасность цифровой технологии инновации климат вода ресурсы " +
  "международный форум саммит столица город область район население жители отметил подчеркнул " +
  "заявил сообщил рассказал важный новый крупный совместный двусторонний многосторонний ключевой " +
  "стратегический текущий следующий последний первый второй итоги результаты планы задачи меры"
).split(" ");
const CITIES = ["Баку", "Анкара", "Астана", "Ташкент", "Бишкек", "Будапешт", "Ашхабад", "Стамбул"];
const SECTIONS = [
  "Азербайджан",
  "Политика",
  "Экономика",
  "Бизнес",
  "Нефть и газ",
  "Финансы",
  "Транспорт",
  "ИКТ",
  "Общество",
  "Культура",
  "Спорт",
  "Регион",
  "Кавказ",
  "Центральная Азия",
  "Турция",
  "Иран",
  "Россия",
  "Европа",
  "США",
  "Мир",
  "Аналитика",
  "Интервью",
  "Фото",
  "Видео",
  "Инфографика",
  "Пресс-релизы",
];

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function sentence(rnd: () => number): string {
  const n = 8 + Math.floor(rnd() * 12);
  const words = Array.from({ length: n }, () => pick(rnd, WORDS));
  const first = words[0] ?? "";
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  if (rnd() < 0.3) words.splice(2, 0, `в ${pick(rnd, CITIES)}е`);
  return `${words.join(" ")}.`;
}

function paragraph(rnd: () => number): string {
  return Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => sentence(rnd)).join(" ");
}

export interface ArticleText {
  title: string;
  paragraphs: string[];
}

/** The article's text at `version` (0 = as first published); each later version edits and appends. */
export function articleText(id: number, version: number): ArticleText {
  const rnd = seeded(id * 7919 + 17);
  const title = `${sentence(rnd).slice(0, 90).replace(/\.$/, "")} (${id})`;
  const paragraphs = [`БАКУ/Trend/ - ${paragraph(rnd)}`];
  const count = 9 + Math.floor(rnd() * 6);
  for (let i = 1; i < count; i++) paragraphs.push(paragraph(rnd));
  // One in ten stories is about the Organization of Turkic States, so the tagger and the `ots` feed have work.
  if (id % 10 === 3) {
    paragraphs.splice(
      2,
      0,
      "Второе заседание министров Организации тюркских государств (ОТГ) прошло в Баку под председательством Азербайджана.",
    );
  }
  for (let v = 1; v <= version; v++) {
    const edit = seeded(id * 31 + v * 1009);
    const at = 1 + Math.floor(edit() * (paragraphs.length - 1));
    paragraphs[at] = `${paragraphs[at]} ${sentence(edit)}`;
    paragraphs.push(`Дополнено (${v}): ${paragraph(edit)}`);
  }
  return { title, paragraphs };
}

export const articlePath = (ns: string, id: number) => `/${ns}/business/${id}.html`;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function buildBoilerplate(): { head: string; top: string; bottom: string } {
  const rnd = seeded(42);
  const menu = SECTIONS.map(
    (s, i) =>
      `<li class="menu-item"><a href="/section/${i}" title="${s}">${s}</a><ul class="submenu">${SECTIONS.slice(
        0,
        5,
      )
        .map((t, j) => `<li><a href="/section/${i}/${j}">${t}</a></li>`)
        .join("")}</ul></li>`,
  ).join("\n");
  const headlines = (n: number, cls: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li class="${cls}"><span class="time">${String(i % 24).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}</span>` +
        `<a href="/other/${4100000 + i}.html">${escapeHtml(sentence(rnd).slice(0, 80))}</a></li>`,
    ).join("\n");
  const script = (name: string, n: number) =>
    `<script>/* ${name} */ window.${name} = window.${name} || []; ${Array.from(
      { length: n },
      (_, i) =>
        `${name}.push({slot: "div-gpt-ad-${i}", sizes: [[300, 250], [728, 90]], targeting: {section: "business", pos: ${i}}});`,
    ).join(" ")}</script>`;
  const head = `<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/css/main.min.css?v=20251024"><link rel="stylesheet" href="/assets/css/article.min.css?v=20251024">
<link rel="alternate" type="application/rss+xml" href="/feeds/index.rss">
${script("googletag", 30)}
${script("yaCounter", 20)}
${script("dataLayer", 20)}`;
  const top = `<header class="header"><div class="container"><a class="logo" href="/">Trend</a>
<div class="clock">14:35 (UTC +04:00)</div><div class="lang-switch"><a href="https://az.trend.az">AZ</a><a href="https://www.trend.az">EN</a></div>
<nav class="main-menu"><ul>${menu}</ul></nav></div></header>
<div class="breaking-news"><ul>${headlines(25, "ticker-item")}</ul></div>
<div class="advert advert-top">${script("adTop", 10)}</div>`;
  const bottom = `<div class="sidebar"><div class="latest-news"><h3>Последние новости</h3><ul>${headlines(50, "news-item")}</ul></div>
<div class="most-read"><h3>Самое читаемое</h3><ul>${headlines(15, "most-read-item")}</ul></div></div>
<footer class="footer"><div class="container"><ul class="footer-menu">${menu}</ul>
<p>Подписывайтесь на наш Telegram-канал @trend</p><p>© 2025 Trend News Agency. agency@trend.az</p></div></footer>
${script("analytics", 25)}`;
  return { head, top, bottom };
}

const BOILERPLATE = buildBoilerplate();

/** The full page: about 60 KB, of which about 8-10 KB is the article. */
export function articlePage(id: number, version: number): string {
  const { title, paragraphs } = articleText(id, version);
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const related = Array.from(
    { length: 8 },
    (_, i) => `<li><a href="/business/${id - i - 1}.html">Связанная новость ${id - i - 1}</a></li>`,
  ).join("");
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>${escapeHtml(title)} - Trend</title>
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="article:published_time" content="2025-10-24T14:35:00+04:00">
<meta itemprop="datePublished" content="2025-10-24T14:35:00+04:00">
${BOILERPLATE.head}
</head><body>${BOILERPLATE.top}
<div class="article"><div class="top-part"><h1>${escapeHtml(title)}</h1>
<div class="meta"><span class="categories">Бизнес</span><span class="date-time">24 октября 2025 14:35 (UTC +04:00)</span></div></div>
<div class="left-part"><div class="sticky-content"><div class="social-sharing"><a href="#">Поделиться</a></div></div></div>
<div class="right-part"><div class="image-wrapper"><img src="/media/${id}.jpg" alt=""></div>
<div class="article-paddings"><span class="author">Автор: Редакция</span></div>
<div class="article-content article-paddings">
${body}
<p>Подписывайтесь на наш Telegram-канал @trend</p>
</div></div></div>
<ul class="related-news">${related}</ul>
${BOILERPLATE.bottom}
</body></html>`;
}

/** RSS 2.0 listing ids newest first (highest id first), as Trend's feed lists its latest stories. */
export function feedXml(origin: string, ns: string, ids: readonly number[]): string {
  const items = [...ids]
    .sort((a, b) => b - a)
    .map((id) => {
      const { title } = articleText(id, 0);
      return `<item><title><![CDATA[${title}]]></title><link>${origin}${articlePath(ns, id)}</link><guid>${origin}${articlePath(ns, id)}</guid><pubDate>Fri, 24 Oct 2025 14:35:00 +0400</pubDate></item>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Trend (bench)</title><link>${origin}/</link><description>bench site</description>\n${items.join("\n")}\n</channel></rss>`;
}
