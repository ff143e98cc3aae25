import { readFileSync } from "node:fs";
import path from "node:path";

/** The story that started the project (shared/seed), split into its date line and paragraphs. */
export function seedStory(): { date: string; paragraphs: string[]; marker: string } {
  const file = path.resolve(import.meta.dirname, "../../../shared/seed/trend-ots-ministers-2025-10-24.txt");
  const text = readFileSync(file, "utf8");
  const lines = text
    .split(/\n\s*\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0] ?? "";
  // The file opens with "date YYYY-MM-DD " before the dateline of the first paragraph.
  const dated = /^date (\d{4}-\d{2}-\d{2}) (.*)$/s.exec(first);
  const body = [dated ? (dated[2] ?? "") : first, ...lines.slice(1)];
  const marker = body[body.length - 1] ?? "";
  return { date: dated?.[1] ?? "2025-10-24", paragraphs: body.slice(0, -1), marker };
}
