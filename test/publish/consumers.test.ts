import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishAll } from "../../src/publish/publish-all.js";
import { useTempDir } from "../support/temp-dir.js";
import { feedConfig, hostileArticle, plainArticle, site, storyArticle } from "./factory.js";
import { feedparser, jingErrors, xmllintErrors } from "./tools.js";

const tempDir = useTempDir("revfeed-publish-");

async function publishEverything(): Promise<string> {
  const dir = tempDir();
  await publishAll(
    {
      site: site({ hub: "https://hub.example.org/" }),
      feeds: [feedConfig(), feedConfig({ name: "ots", title: "OTS news", tags: ["ots"], languages: ["ru"] })],
      articles: [storyArticle(), plainArticle(), hostileArticle()],
    },
    dir,
  );
  return dir;
}

function filesWith(dir: string, ext: string): string[] {
  const top = readdirSync(dir).filter((f) => f.endsWith(ext));
  const nested = readdirSync(path.join(dir, "articles")).filter((f) => f.endsWith(ext));
  return [...top.map((f) => path.join(dir, f)), ...nested.map((f) => path.join(dir, "articles", f))];
}

const tag = (rest: string) => `tag:revfeed.example.org,2025:article/${rest}`;
/** all.revisions, newest first: the minor rev 4 of the story is left out by default. */
const EXPECTED_REVISION_IDS = [
  tag("7/rev/6"),
  tag("9/rev/2"),
  tag("9/rev/1"),
  tag("8/rev/1"),
  tag("7/rev/5"),
  tag("7/rev/3"),
  tag("7/rev/2"),
  tag("7/rev/1"),
];

describe("published feeds pass independent validators", () => {
  it("every Atom document validates against RFC 4287's RELAX NG schema (jing)", async () => {
    const dir = await publishEverything();
    const atoms = filesWith(dir, ".atom");
    expect(atoms.length).toBe(4 + 3); // all, all.revisions, ots, ots.revisions + articles 7, 8, 9
    expect(jingErrors(atoms)).toBe("");
  });

  it("every XML document is well-formed (xmllint)", async () => {
    const dir = await publishEverything();
    const xml = [...filesWith(dir, ".atom"), ...filesWith(dir, ".rss")];
    expect(xml.length).toBe(11);
    expect(xmllintErrors(xml)).toBe("");
  });

  it("feedparser reads every Atom and RSS document without complaint", async () => {
    const dir = await publishEverything();
    const files = [...filesWith(dir, ".atom"), ...filesWith(dir, ".rss")];
    const parsed = feedparser(files);
    parsed.forEach((feed, i) => {
      expect({ file: files[i], bozo: feed.bozo, err: feed.bozo_exception }).toEqual({
        file: files[i],
        bozo: 0,
        err: null,
      });
      expect(feed.entries.length).toBeGreaterThan(0);
    });
  });

  it("feedparser sees one entry per revision, with permanent ids and titles saying what changed", async () => {
    const dir = await publishEverything();
    const [atom, rss] = feedparser([
      path.join(dir, "all.revisions.atom"),
      path.join(dir, "all.revisions.rss"),
    ]);
    for (const feed of [atom, rss]) {
      expect(feed?.entries.map((e) => e.id)).toEqual(EXPECTED_REVISION_IDS);
      const titles = feed?.entries.map((e) => e.title) ?? [];
      expect(titles[0]).toBe("[rev 6 \u00b7 article removed] В Баку проходит второе заседание министров ОТГ");
      expect(titles[4]).toBe(
        "[rev 5 \u00b7 reverted to rev 3] В Баку проходит второе заседание министров ОТГ",
      );
      expect(titles[6]).toBe("[rev 2 \u00b7 appended +120 words] В Баку проходит заседание министров ОТГ");
      // The hostile title survives as the same plain text (minus forbidden characters) in both formats.
      expect(titles[1]).toBe(
        `[rev 2 \u00b7 inserted +3 words] Prices < 5% & "rising" 'fast' <b>now</b> ]]> xy`,
      );
    }
    expect(atom?.version).toBe("atom10");
    expect(rss?.version).toBe("rss20");
    expect(atom?.entries[0]?.published).toBe("2025-10-24T12:00:00.000Z");
    expect(atom?.entries[0]?.updated).toBe("2025-10-24T12:00:00.000Z");
  });

  it("feedparser sees one entry per article in the current-state feeds, with self, alternate and hub links", async () => {
    const dir = await publishEverything();
    const [all, ots] = feedparser([path.join(dir, "all.atom"), path.join(dir, "ots.rss")]);
    expect(all?.entries.map((e) => e.id)).toEqual([tag("7"), tag("9"), tag("8")]);
    expect(all?.entries[0]?.title).toBe("[removed] В Баку проходит второе заседание министров ОТГ");
    expect(all?.entries[0]?.tags).toEqual(["ots"]);
    expect(ots?.entries.map((e) => e.id)).toEqual([tag("7"), tag("9")]);
    for (const feed of [all, ots]) {
      const rels = feed?.links.map((l) => l.rel) ?? [];
      expect(rels).toEqual(expect.arrayContaining(["self", "alternate", "hub"]));
    }
    expect(all?.links.find((l) => l.rel === "self")?.href).toBe("https://revfeed.example.org/feeds/all.atom");
    expect(ots?.links.find((l) => l.rel === "self")?.href).toBe("https://revfeed.example.org/feeds/ots.rss");
  });
});

describe("the checkers themselves", () => {
  it("jing and xmllint reject what feed would write unrepaired (category without term, raw control character)", () => {
    const dir = tempDir();
    const bad = path.join(dir, "bad.atom");
    writeFileSync(
      bad,
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:x,2025:f</id><title>t</title><updated>2025-10-24T12:00:00Z</updated><author><name>a</name></author><entry><id>tag:x,2025:e</id><title>e</title><updated>2025-10-24T12:00:00Z</updated><category label="no term"/></entry></feed>`,
    );
    expect(jingErrors([bad])).toMatch(/term/);
    const control = path.join(dir, "control.rss");
    writeFileSync(
      control,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>a\u0001b</title></channel></rss>`,
    );
    expect(xmllintErrors([control])).not.toBe("");
  });
});
