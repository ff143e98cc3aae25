import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import { runServe } from "../../src/serve/main.js";
import { useTempDir } from "../support/temp-dir.js";
import { buildFixture, type Fixture } from "./fixtures.js";

const tempDir = useTempDir("revfeed-serve-");
let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.writer.close();
  fixture = undefined;
});

function memoryLogger() {
  const lines: { msg: string; url?: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger("info", stream), lines };
}

describe("runServe", () => {
  it("opens the database read-only, logs the URLs to subscribe to, serves, and closes", async () => {
    fixture = buildFixture(tempDir());
    // No worker running: the writer has closed and checkpointed its WAL.
    fixture.writer.close();
    const { logger, lines } = memoryLogger();
    const close = await runServe(
      fixture.config,
      { host: "127.0.0.1", port: 0 },
      { clock: new ManualClock("2025-10-24T12:00:00Z"), logger },
    );
    const listening = lines.find((l) => l.msg === "serve: listening");
    expect(listening?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const urls = lines.map((l) => l.url);
    expect(urls).toContain(`${listening?.url}/feeds/ots.atom`);
    expect(urls).toContain(`${listening?.url}/feeds/ots.revisions.atom`);
    expect(urls).toContain(`${listening?.url}/`);
    const res = await fetch(`${listening?.url}/feeds/ots.atom`);
    expect(res.status).toBe(200);
    await close();
    await expect(fetch(`${listening?.url}/`)).rejects.toThrow();
  });

  it("explains what to do when there is no database yet", async () => {
    const root = tempDir();
    const config = parseConfig("stateDir: state\n", path.join(root, "revfeed.config.yaml"), root);
    const { logger } = memoryLogger();
    await expect(
      runServe(config, { port: 0 }, { clock: new ManualClock("2025-10-24T12:00:00Z"), logger }),
    ).rejects.toThrow(/cannot open the database in .*state read-only .*revfeed once/);
  });
});
