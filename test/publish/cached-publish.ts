import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { PublishArticle, PublishSite } from "../../src/publish/input.js";
import type { PublishInput } from "../../src/publish/publish-all.js";
import { feedConfig } from "./factory.js";

/** Helpers of the tests that publish through a RenderCache and compare with a full render. */

/** Two feeds: everything (minor revisions too), and a small OTS feed in Russian. */
export function twoFeeds(site: PublishSite, articles: PublishArticle[]): PublishInput {
  return {
    site,
    feeds: [
      feedConfig({ includeMinor: true }),
      feedConfig({ name: "ots", title: "OTS", tags: ["ots"], languages: ["ru"], limit: 3 }),
    ],
    articles,
  };
}

/** Every file under `dir`, by its path relative to `dir` with forward slashes. */
export function filesOnDisk(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) out.set(name.split(path.sep).join("/"), readFileSync(file, "utf8"));
  }
  return out;
}
