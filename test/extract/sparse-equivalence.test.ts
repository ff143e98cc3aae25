import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articlePage } from "../../bench/lib/pages.js";
import { extractTrend, extractTrendFully, extractTrendSparsely } from "../../src/extract/profiles/trend.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { MUTATION_NAMES, MUTATIONS, type Mutation, mutate, random } from "./page-mutations.js";

/**
 * The sparse path (parse only the elements the Trend profile reads) against the reference (parse the
 * whole page): on every page it must give exactly the reference's result, or decline.
 */

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/pages");
const URLS = ["https://ru.trend.az/azerbaijan/business/4108303.html", "https://www.trend.az/business/1.html"];

function fixturePages(): { name: string; html: string }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".html"))
    .map((f) => ({ name: f, html: readFileSync(path.join(FIXTURES, f), "utf8") }));
}

function benchPages(): { name: string; html: string }[] {
  const pages = [];
  for (const id of [1, 2, 3, 13, 77, 1234]) {
    for (const version of [0, 1, 3])
      pages.push({ name: `bench ${id} v${version}`, html: articlePage(id, version) });
  }
  return pages;
}

/** What the sparse path does with a page: "sparse" (same result), "declined", or a failure message. */
function compare(html: string, url: string): "sparse" | "declined" {
  const full = extractTrendFully(html, url, { lang: "ru" });
  const sparse = extractTrendSparsely(html, url, { lang: "ru" });
  expect(extractTrend(html, url, { lang: "ru" })).toStrictEqual(full);
  if (sparse === null) return "declined";
  expect(sparse).toStrictEqual(full);
  return "sparse";
}

describe("sparse Trend extraction equals the full parse", () => {
  const site = new NewsSite({ layout: "trend", etags: false });
  const generic = new NewsSite({ layout: "generic", etags: false });
  const served: { name: string; html: string }[] = [];

  beforeAll(async () => {
    await site.start();
    await generic.start();
    const seed = seedStory();
    const stages = [
      { id: 4108303, paragraphs: [...seed.paragraphs.slice(0, 3), seed.marker] },
      { id: 4108304, paragraphs: [...seed.paragraphs.slice(0, 6), `${seed.marker}...`] },
      { id: 4108305, paragraphs: seed.paragraphs },
    ];
    for (const s of stages) {
      const story = {
        ...s,
        title: "В Баку проходит второе заседание министров",
        publishedAt: "2025-10-24T10:35:00Z",
      };
      site.put(story);
      generic.put(story);
      for (const [name, host] of [
        ["trend", site],
        ["generic", generic],
      ] as const) {
        const response = await fetch(host.articleUrl(story));
        served.push({ name: `${name} site ${s.id}`, html: await response.text() });
      }
    }
  });
  afterAll(async () => {
    await site.stop();
    await generic.stop();
  });

  it("on every page fixture, Trend and generic, and takes the sparse path on the Trend articles", () => {
    for (const { name, html } of fixturePages()) {
      for (const url of URLS) {
        const outcome = compare(html, url);
        if (name.startsWith("trend-") && !name.includes("listing")) expect(outcome, name).toBe("sparse");
      }
    }
  });

  it("on the local news site's pages built from the seed story (both layouts)", () => {
    expect(served).toHaveLength(6);
    for (const { name, html } of served) {
      const outcome = compare(html, URLS[0] as string);
      if (name.startsWith("trend")) expect(outcome, name).toBe("sparse");
    }
  });

  it("on the benchmark's generated pages, always sparsely", () => {
    for (const { name, html } of benchPages()) expect(compare(html, URLS[0] as string), name).toBe("sparse");
  });

  it("under every single mutation of a generated page and a fixture", () => {
    const bases = [
      articlePage(5, 1),
      articlePage(6, 2),
      readFileSync(path.join(FIXTURES, "trend-ru-4108303-v2.html"), "utf8"),
    ];
    const sparse: string[] = [];
    for (const name of MUTATION_NAMES) {
      bases.forEach((base, i) => {
        const html = (MUTATIONS[name] as Mutation)(base, random(i + 1));
        if (compare(html, URLS[0] as string) === "sparse") sparse.push(`${name} ${i}`);
      });
    }
    // Harmless variations keep the fast path; the traps may or may not.
    for (const name of [
      "reverseAttributes",
      "singleQuotes",
      "upperCaseTags",
      "svgIcon",
      "svgIconWithTitle",
      "harmlessReference",
      "headlineAfter",
      "spacedTags",
    ]) {
      expect(sparse, name).toContain(`${name} 0`);
    }
    expect(sparse.length).toBeGreaterThan(bases.length * MUTATION_NAMES.length * 0.4);
  });

  it("on 600 pages with random combinations of mutations", () => {
    const bases = [
      ...benchPages().map((p) => p.html),
      ...fixturePages().map((p) => p.html),
      ...served.map((p) => p.html),
    ];
    const rnd = random(20251024);
    let sparse = 0;
    for (let i = 0; i < 600; i++) {
      const base = bases[Math.floor(rnd() * bases.length)] as string;
      const { html, applied } = mutate(base, rnd);
      try {
        if (compare(html, URLS[Math.floor(rnd() * URLS.length)] as string) === "sparse") sparse++;
      } catch (err) {
        throw new Error(`case ${i} (${applied.join(", ")}): ${(err as Error).message}`);
      }
    }
    expect(sparse).toBeGreaterThan(200);
  });
});
