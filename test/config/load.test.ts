import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig } from "../../src/config/load.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();

describe("configuration", () => {
  it("fills every knob with a default and resolves folders against the config file", () => {
    const config = parseConfig("sources: []\n", "/etc/revfeed/revfeed.config.yaml", "/etc/revfeed");
    expect(config.stateDir).toBe("/etc/revfeed/state");
    expect(config.feedsDir).toBe("/etc/revfeed/feeds");
    expect(config.schedule.poll).toBe("*/5 * * * *");
    expect(config.watch.developingEveryMinutes).toBe(2);
    expect(config.watch.markers.ru).toContain("Новость обновляется");
    expect(config.fetch.allowPrivateNetworks).toBe(false);
  });

  it("ships a default file that watches Trend's ru, en and az feeds and publishes ots and all", () => {
    const config = loadConfig(undefined, {}, path.resolve(import.meta.dirname, "../.."));
    expect(config.sources.map((s) => s.id)).toEqual(["trend-ru", "trend-en", "trend-az"]);
    expect(config.sources.every((s) => s.profile === "trend")).toBe(true);
    expect(config.publish.map((p) => p.name)).toEqual(["ots", "all"]);
  });

  it.each([
    ["sources:\n  - id: Trend RU\n    url: https://ru.trend.az/feeds/index.rss\n", "sources.0.id"],
    ["sources:\n  - id: a\n    url: ftp://x\n", "sources.0.url"],
    ["schedule:\n  poll: every five minutes\n", "schedule.poll"],
    ["fetch:\n  timeoutMs: -1\n", "fetch.timeoutMs"],
    ["sourcez: []\n", "(top level)"],
    ["publish:\n  - name: ots\n    title: A\n  - name: ots\n    title: B\n", "publish.1.name"],
  ])("names the key path of an invalid value (%#)", (yaml, key) => {
    expect(() => parseConfig(yaml, "cfg.yaml", "/")).toThrow(
      new RegExp(`cfg\\.yaml: ${key.replace(/[.()]/g, "\\$&")}`),
    );
  });

  it("reports unreadable files and bad YAML with the file name", () => {
    const dir = tempDir();
    expect(() => loadConfig(path.join(dir, "missing.yaml"), {}, dir)).toThrow(ConfigError);
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(bad, "sources: [\n");
    expect(() => loadConfig(bad, {}, dir)).toThrow(/bad\.yaml.*not valid YAML/);
  });

  it("takes REVFEED_CONFIG when no --config is given, and --config over it", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.yaml"), "feedsDir: out-a\n");
    writeFileSync(path.join(dir, "b.yaml"), "feedsDir: out-b\n");
    expect(loadConfig(undefined, { REVFEED_CONFIG: "a.yaml" }, dir).feedsDir).toBe(path.join(dir, "out-a"));
    expect(loadConfig("b.yaml", { REVFEED_CONFIG: "a.yaml" }, dir).feedsDir).toBe(path.join(dir, "out-b"));
  });
});
