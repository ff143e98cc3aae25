import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTempDir } from "../support/temp-dir.js";
import { APPENDED, type RunningFixture, startFixture } from "./fixtures.js";

/** Debian's chromium, never a downloaded browser (CI installs it with apt-get install -y chromium). */
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-artifacts");

const tempDir = useTempDir("revfeed-serve-");
let browser: Browser;
let fx: RunningFixture | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the web view tests`,
    );
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});
/** A computed style property of the first element the locator finds (evaluated in the page). */
function computedStyle(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => {
    const view = globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> };
    return view.getComputedStyle(element)[name] ?? "";
  }, property);
}

afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe("web view in a real browser, JavaScript off", () => {
  it("goes from the list to an article and its diffs, showing the changes highlighted", async () => {
    fx = await startFixture(tempDir());
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1200, height: 900 },
    });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });

    await page.goto(`${fx.server.url}/`);
    await expect(page.title()).resolves.toBe("Tracked articles · revfeed");
    // The inline stylesheet is allowed by the CSP hash: its background colour applies.
    expect(await computedStyle(page.locator("body"), "backgroundColor")).toBe("rgb(251, 251, 253)");

    await page.getByRole("link", { name: /В Баку проходит заседание министров промышленности ОТГ/ }).click();
    await page.waitForURL(`**/articles/${fx.ids.story}`);
    await expect(page.locator("svg.chart").isVisible()).resolves.toBe(true);
    expect(await page.locator("svg.chart rect").count()).toBe(6);
    await expect(page.getByText("Кубанычбек Омуралиев").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "article.png"), fullPage: true });

    await page.getByRole("link", { name: /Latest change/ }).click();
    await page.waitForURL(`**/articles/${fx.ids.story}/diff`);
    const added = page.locator(".diff ins", { hasText: "Кубанычбек" });
    const removed = page.locator(".diff del", { hasText: "Куманычбек" });
    await expect(added.isVisible()).resolves.toBe(true);
    await expect(removed.isVisible()).resolves.toBe(true);
    expect(await computedStyle(added, "backgroundColor")).not.toBe("rgba(0, 0, 0, 0)");
    expect(await computedStyle(removed, "textDecorationLine")).toBe("line-through");
    await page.screenshot({ path: path.join(ARTIFACTS, "diff-correction.png"), fullPage: true });

    await page.getByRole("link", { name: /previous change/ }).click();
    await page.waitForURL(/\/diff\?from=1&to=2$/);
    for (const text of APPENDED) {
      const paragraph = page.locator(".diff ins", { hasText: text });
      await expect(paragraph.isVisible(), text).resolves.toBe(true);
      expect(await computedStyle(paragraph, "backgroundColor")).not.toBe("rgba(0, 0, 0, 0)");
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "diff-appended.png"), fullPage: true });

    await page.getByRole("link", { name: /side by side/ }).click();
    await expect(page.locator(".diff table").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "diff-side-by-side.png"), fullPage: true });

    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
