import { html } from "../html.js";
import { layout } from "./layout.js";

const TITLES: Record<number, string> = { 400: "Bad request", 404: "Not found", 500: "Server error" };

export function renderErrorPage(statusCode: number, message: string): string {
  const title = TITLES[statusCode] ?? "Error";
  return layout(
    { title },
    html`<div class="error"><h1>${statusCode} ${title}</h1><p>${message}</p><p><a href="/">All articles</a></p></div>`,
  );
}
