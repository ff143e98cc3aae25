/**
 * Ways to disturb an article page's markup, for tests that hold the sparse extraction path to the full
 * parse: harmless variations (attribute order, quotes, case) and every trap the sparse path must either
 * read correctly or refuse (the container's class in comments, scripts, attribute values and raw text,
 * stray and missing end tags, SVG, forms, entities, a second container, matches after the article …).
 */

export type Mutation = (html: string, rnd: () => number) => string;

export { seeded as random } from "../support/seeded-random.js";

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Replaces one occurrence (chosen at random) of `re` by `to`. */
function replaceOne(
  html: string,
  re: RegExp,
  to: string | ((m: string) => string),
  rnd: () => number,
): string {
  const hits = [...html.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))];
  if (hits.length === 0) return html;
  const m = pick(rnd, hits);
  const replacement = typeof to === "string" ? to : to(m[0]);
  return html.slice(0, m.index) + replacement + html.slice((m.index ?? 0) + m[0].length);
}

/** Inserts `text` before one occurrence of `re` (or at a random tag boundary when absent). */
function insertBefore(html: string, re: RegExp, text: string, rnd: () => number): string {
  return replaceOne(html, re, (m) => text + m, rnd);
}

const anywhere = /<(?:div|p|ul|li|span|h1|a|script|meta|link|title)\b/i;

export const MUTATIONS: Record<string, Mutation> = {
  reverseAttributes: (html) =>
    html.replace(
      /<([a-z]+)((?:\s+[a-z-:]+="[^"]*"){2,})(\s*\/?)>/g,
      (_m, name: string, attrs: string, end: string) => {
        const list = attrs.match(/\s+[a-z-:]+="[^"]*"/g) ?? [];
        return `<${name}${list.reverse().join("")}${end}>`;
      },
    ),
  singleQuotes: (html) => html.replace(/="([^"']*)"/g, "='$1'"),
  unquotedValues: (html) => html.replace(/="([a-z0-9-]+)"/g, "=$1"),
  upperCaseTags: (html) =>
    html.replace(
      /<(\/?)(div|p|h1|span|meta|title|html|body|head|script)\b/g,
      (_m, s: string, n: string) => `<${s}${n.toUpperCase()}`,
    ),
  upperCaseAttributeNames: (html) =>
    html.replace(/\s(class|itemprop|property|content|lang)=/g, (_m, n: string) => ` ${n.toUpperCase()}=`),
  spacedTags: (html) => html.replace(/<div class=/g, "<div\n\tclass=").replace(/<\/div>/g, "</div\n>"),
  nestedDivs: (html) =>
    html.replace(
      /(<div class="article-content[^"]*">)([\s\S]*?)(<\/div>)/,
      '$1<div class="inner"><div>$2</div></div>$3',
    ),
  commentWithClass: (html, rnd) =>
    insertBefore(html, anywhere, '<!-- <div class="article-content"><p>old</p></div> -->', rnd),
  scriptWithClass: (html, rnd) =>
    insertBefore(
      html,
      anywhere,
      `<script>var t = '<div class="article-content"><h1>x</h1>'; if (a<b) {}</script>`,
      rnd,
    ),
  styleWithClass: (html, rnd) =>
    insertBefore(html, anywhere, "<style>.article-content > p { color: red }</style>", rnd),
  attributeWithMarkup: (html, rnd) =>
    insertBefore(html, anywhere, `<a data-x='<div class="article-content">' title="a > b">x</a>`, rnd),
  titleWithMarkup: (html) => html.replace(/<title>/i, '<title>&lt;b&gt; <div class="author">'),
  missingEndDiv: (html, rnd) => replaceOne(html, /<\/div>/, "", rnd),
  strayEndTag: (html, rnd) =>
    insertBefore(
      html,
      anywhere,
      pick(rnd, ["</span>", "</p>", "</section>", "</a>", "</li>", "</br>", "</h1>"]),
      rnd,
    ),
  openParagraph: (html, rnd) =>
    insertBefore(html, /<div class="article"/, pick(rnd, ["<p>loose", "<li>item", "<a href='/x'>link"]), rnd),
  svgIcon: (html, rnd) =>
    insertBefore(
      html,
      anywhere,
      '<svg viewBox="0 0 10 10"><path d="M0 0L1 1"/><g><rect width=1 /></g></svg>',
      rnd,
    ),
  svgIconWithTitle: (html) =>
    html.replace(
      /(<div class="article">)/,
      '<a href="/share"><svg width="16" height="16"><title>Поделиться</title><use href="#share"/></svg></a>$1',
    ),
  svgWithRawText: (html, rnd) =>
    insertBefore(html, anywhere, "<svg><style>a{}</style><title>x</title></svg>", rnd),
  unclosedSvg: (html, rnd) => insertBefore(html, anywhere, "<svg><path>", rnd),
  mathElement: (html, rnd) => insertBefore(html, anywhere, "<math><mi>x</mi></math>", rnd),
  numericReference: (html, rnd) =>
    replaceOne(
      html,
      /class="(author|article-content[^"]*|top-part|date-time)"/,
      (m) => m.replace(/a/, "&#97;").replace(/t/, "&#x74;"),
      rnd,
    ),
  harmlessReference: (html, rnd) =>
    insertBefore(html, anywhere, "<span title='it&#39;s'>&#171;x&#187;</span>", rnd),
  secondContainerBefore: (html, rnd) =>
    insertBefore(
      html,
      /<div class="article"/,
      `<div class="article-content"><p>${pick(rnd, ["Другой текст статьи, достаточно длинный для проверки.", ""])}</p></div>`,
      rnd,
    ),
  secondContainerAfter: (html) =>
    html.replace(
      /<\/body>/i,
      '<div class="article-content"><p>Хвост страницы, тоже длинный текст.</p></div></body>',
    ),
  headlineAfter: (html) => html.replace(/<\/body>/i, "<h1>Заголовок в подвале</h1></body>"),
  bylineAfter: (html) =>
    html.replace(/<\/body>/i, '<a href="/author/x">Другой автор</a><span class="author">Ещё</span></body>'),
  timeAfter: (html) => html.replace(/<\/body>/i, '<time datetime="2020-01-01T00:00:00Z">давно</time></body>'),
  metaAfter: (html) =>
    html.replace(
      /<\/body>/i,
      '<meta property="og:title" content="Другое"><meta itemprop="datePublished" content="2001-01-01"></body>',
    ),
  dropMeta: (html) => html.replace(/<meta (?:property|itemprop)="[^"]*"[^>]*>/g, ""),
  dropHeadline: (html) => html.replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, ""),
  dropAuthor: (html) => html.replace(/<span class="author">[\s\S]*?<\/span>/, ""),
  dropDateLine: (html) => html.replace(/<span class="date-time">[\s\S]*?<\/span>/, ""),
  oldLayout: (html) => html.replace(/<div class="article-content[^"]*">/, '<div itemprop="articleBody">'),
  formAround: (html) =>
    html.replace(/<body([^>]*)>/i, "<body$1><form action='/s'>").replace(/<\/body>/i, "</form></body>"),
  formInside: (html) => html.replace(/(<div class="article-content[^"]*">)/, "$1<form><input name=q></form>"),
  formBeforeAndInside: (html) =>
    html
      .replace(/<body([^>]*)>/i, "<body$1><form>")
      .replace(/(<div class="article-content[^"]*">)/, "$1<form><p>f</p></form>"),
  noBody: (html) => html.replace(/<\/?body[^>]*>/gi, ""),
  noHtml: (html) => html.replace(/<\/?html[^>]*>/gi, ""),
  bodyClass: (html) => html.replace(/<body>/i, '<body class="article top-part">'),
  htmlClass: (html) => html.replace(/<html/i, '<html class="article-page"'),
  template: (html, rnd) =>
    insertBefore(html, anywhere, '<template><div class="article-content"><p>t</p></div></template>', rnd),
  quirkCharacter: (html, rnd) =>
    insertBefore(html, anywhere, "<script>a = 1;\u001c\u000fscript> b()</script>", rnd),
  plaintext: (html) => html.replace(/<\/body>/i, "<plaintext><div class='author'>x</div></body>"),
  unclosedComment: (html, rnd) => insertBefore(html, anywhere, "<!-- open", rnd),
  cdata: (html, rnd) => insertBefore(html, anywhere, "<![CDATA[ <div class='article-content'> ]]>", rnd),
  literalsInText: (html, rnd) =>
    insertBefore(
      html,
      anywhere,
      pick(rnd, [
        "<li>Read the article by our author on the top-part of date-time</li>",
        '<a title="x > author">author and article</a>',
        "<span>articleBody &#97;uthor &#45; datePublished</span>",
        " article author ",
      ]),
      rnd,
    ),
  templateComments: (html) =>
    html
      .replace(/(<div class="article">)/, "<!-- .article --><!-- <b>author</b> -->$1")
      .replace(/(<ul class="related-news">)/, "<!-- /.article -->$1"),
  bogusComments: (html, rnd) =>
    insertBefore(
      html,
      anywhere,
      pick(rnd, ["<!x>", "<?php echo 1 ?>", "</ x>", "</>", "<!-->", "<!--->", "<!-- a --!>", "< div>"]),
      rnd,
    ),
  glueAttributes: (html) => html.replace(/<div class="top-part">/, '<div class="top-part"id="t">'),
  duplicateClass: (html) => html.replace(/<div class="article">/, '<div class="x" class="article">'),
  textarea: (html, rnd) =>
    insertBefore(html, anywhere, "<textarea><div class='article-content'></textarea>", rnd),
  noscript: (html, rnd) =>
    insertBefore(html, anywhere, "<noscript><div class='author'>n</div></noscript>", rnd),
  breakHeadline: (html) => html.replace(/<\/h1>/i, ""),
  paragraphMarkup: (html) =>
    html.replace(
      /<p>([^<]{20,}?)\s/,
      '<p><a href="/other/1.html" onclick="x()">$1</a> <strong>жирный</strong><br> ',
    ),
  imageAlias: (html, rnd) => insertBefore(html, anywhere, '<image src="/a.png"></image>', rnd),
  // Classes that selectors need on an ancestor, put on an element far from what they select.
  ancestorTopPart: (html) =>
    html
      .replace(/<div class="top-part">/, '<div class="tp">')
      .replace(/<div class="article">/, '<div class="top-part"><div class="wrap"><div class="article">')
      .replace(/(<ul class="related-news">)/, "</div></div>$1"),
  ancestorArticle: (html) =>
    html
      .replace(/<div class="article">/, '<section class="article"><div class="wrap"><div class="art">')
      .replace(/<div class="top-part">/, '<div class="tp">')
      .replace(/(<ul class="related-news">)/, "</div></section>$1"),
  promoHeadline: (html, rnd) =>
    insertBefore(
      html,
      /<div class="article"/,
      pick(rnd, [
        '<div class="top-part"><div class="promo"><h1>Промо</h1></div></div>',
        '<div class="article"><b><h1>Промо</h1></b></div>',
        '<section class="top-part"><p><span class="date-time">1 января 2001 10:00</span></p></section>',
      ]),
      rnd,
    ),
  openAncestor: (html, rnd) =>
    insertBefore(
      html,
      anywhere,
      pick(rnd, ['<div class="top-part">', '<div class="article">', "<template>"]),
      rnd,
    ),
  templateAround: (html) =>
    html
      .replace(/<div class="article">/, '<template><div class="article">')
      .replace(/(<ul class="related-news">)/, "</template>$1"),
  manyRegions: (html) => html.replace(/<\/body>/i, `${'<span class="date-time">1</span>'.repeat(60)}</body>`),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies 1-3 random mutations; returns the page and their names. */
export function mutate(html: string, rnd: () => number): { html: string; applied: string[] } {
  const applied: string[] = [];
  let out = html;
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const name = pick(rnd, MUTATION_NAMES);
    applied.push(name);
    out = (MUTATIONS[name] as Mutation)(out, rnd);
  }
  return { html: out, applied };
}
