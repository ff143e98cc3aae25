/**
 * HTML renderer for feeds, email and the web view. Feed readers and mail clients strip `<style>`, classes and
 * often `<ins>`/`<del>` styling, so every element carries inline styles and every edit also carries a visible
 * textual marker: `[+ added +]` and `[− removed −]`. All text is HTML-escaped (and XML-invalid characters
 * dropped); the output is a fragment
 * (one `<div>`), safe to embed in Atom `content type="html"` after the usual escaping.
 *
 * Layouts: `inline` (default) — the title and paragraphs of the new text with edits marked in place;
 * `side-by-side` — a two-column table (old | new), one row per paragraph op.
 */
import { stripInvalidXmlChars } from "../../text/xml-chars.js";
import type { Change, ParagraphOp, WordOp } from "../types.js";
import {
  movedFromNote,
  movedToNote,
  type RenderOptions,
  type Shown,
  skipLine,
  summaryLine,
  withContext,
} from "./common.js";

const STYLE = {
  root: "font-family:Georgia,serif;line-height:1.5",
  summary: "margin:0 0 0.75em;color:#555;font-size:90%;font-family:sans-serif",
  title: "margin:0 0 0.75em;font-size:1.3em;font-weight:bold",
  p: "margin:0 0 0.75em",
  note: "color:#666;font-style:italic",
  ins: "background:#d4f8d4;color:#0b4f0b;text-decoration:none",
  del: "background:#fbdada;color:#8b1a1a;text-decoration:line-through",
  table: "width:100%;border-collapse:collapse;table-layout:fixed",
  th: "text-align:left;padding:4px 8px;border-bottom:2px solid #ccc;font-family:sans-serif",
  td: "vertical-align:top;padding:4px 8px;border-top:1px solid #ddd;width:50%",
  skip: "padding:4px 8px;border-top:1px solid #ddd;color:#666;font-style:italic;text-align:center",
};

/** Escapes markup characters and drops characters XML forbids (output may go into a feed). */
export function escapeHtml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** An edit marked up, with its leading and trailing white space left outside the markers: "[+ (ФОТО) +]". */
function edit(text: string, style: string, open: string, close: string, tag: "ins" | "del"): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text);
  const [lead, core, trail] = m?.[2] ? [m[1] ?? "", m[2], m[3] ?? ""] : ["", text, ""];
  return `${escapeHtml(lead)}<${tag} style="${style}">${open} ${escapeHtml(core)} ${close}</${tag}>${escapeHtml(trail)}`;
}

const ins = (text: string) => edit(text, STYLE.ins, "[+", "+]", "ins");
const del = (text: string) => edit(text, STYLE.del, "[−", "−]", "del");
const note = (text: string) => `<span style="${STYLE.note}">[${escapeHtml(text)}]</span>`;

export function renderHtml(change: Change, opts: RenderOptions = {}): string {
  const shown = withContext(change.paragraphs, opts.context);
  const parts: string[] = [`<div style="${STYLE.root}">`];
  if (opts.summary !== false)
    parts.push(`<p style="${STYLE.summary}">${escapeHtml(summaryLine(change))}</p>`);
  if (opts.layout === "side-by-side") parts.push(table(change, shown, opts.headings ?? ["Before", "After"]));
  else {
    parts.push(
      `<p style="${STYLE.title}">${words(change.title.words, "both") || escapeHtml(change.title.newText)}</p>`,
    );
    for (const s of shown)
      parts.push(`<p style="${s.kind === "skip" ? STYLE.note : STYLE.p}">${inlineBody(s)}</p>`);
  }
  parts.push("</div>");
  return `${parts.join("\n")}\n`;
}

function inlineBody(s: Shown): string {
  if (s.kind === "skip") return escapeHtml(skipLine(s.count));
  const op = s.op;
  switch (op.op) {
    case "equal":
      return escapeHtml(op.text);
    case "insert":
      return ins(op.text);
    case "delete":
      return del(op.text);
    case "change":
      return words(op.words, "both");
    case "move-from":
      return note(`↷ ${movedToNote(op)}`);
    case "move-to":
      return `${note(`↶ ${movedFromNote(op)}`)} ${escapeHtml(op.text)}`;
  }
}

/** Word ops as HTML: both sides marked (inline layout) or one side only (a side-by-side column). */
function words(ops: readonly WordOp[], side: "both" | "old" | "new"): string {
  let out = "";
  for (const w of ops) {
    if (w.op === "equal") out += escapeHtml(w.text);
    else if (w.op === "delete" && side !== "new") out += del(w.text);
    else if (w.op === "insert" && side !== "old") out += ins(w.text);
  }
  return out;
}

function table(change: Change, shown: readonly Shown[], headings: readonly [string, string]): string {
  const row = (left: string, right: string) =>
    `<tr><td style="${STYLE.td}">${left}</td><td style="${STYLE.td}">${right}</td></tr>`;
  const rows = [
    `<table style="${STYLE.table}">`,
    `<tr><th style="${STYLE.th}">${escapeHtml(headings[0])}</th><th style="${STYLE.th}">${escapeHtml(headings[1])}</th></tr>`,
    row(
      `<strong>${words(change.title.words, "old")}</strong>`,
      `<strong>${words(change.title.words, "new")}</strong>`,
    ),
  ];
  for (const s of shown) {
    if (s.kind === "skip")
      rows.push(`<tr><td colspan="2" style="${STYLE.skip}">${escapeHtml(skipLine(s.count))}</td></tr>`);
    else rows.push(row(...cells(s.op)));
  }
  rows.push("</table>");
  return rows.join("\n");
}

function cells(op: ParagraphOp): [string, string] {
  switch (op.op) {
    case "equal":
      return [escapeHtml(op.text), escapeHtml(op.text)];
    case "insert":
      return ["", ins(op.text)];
    case "delete":
      return [del(op.text), ""];
    case "change":
      return [words(op.words, "old"), words(op.words, "new")];
    case "move-from":
      return [`${note(`↷ ${movedToNote(op)}`)} ${escapeHtml(op.text)}`, ""];
    case "move-to":
      return ["", `${note(`↶ ${movedFromNote(op)}`)} ${escapeHtml(op.text)}`];
  }
}
