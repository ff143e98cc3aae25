// pm2 process file: `npm ci && pm2 start ecosystem.config.cjs` (npm ci builds dist/ through `prepare`).
// Both apps run the compiled JavaScript. The configuration file comes from REVFEED_CONFIG as set when
// `pm2 start` runs (default: revfeed.config.yaml next to this file); it is made absolute here so the
// apps find it whatever folder pm2 was started from.
const fs = require("node:fs");
const path = require("node:path");

const config = path.resolve(process.env.REVFEED_CONFIG || path.join(__dirname, "revfeed.config.yaml"));

// Shared by both apps. Logs stay pure JSON lines (pino): no `time: true` and no `log_date_format`,
// which would prefix every line with a pm2 timestamp and break `pino-pretty` and log shippers.
const common = {
  script: "dist/main.js",
  cwd: __dirname,
  exec_mode: "fork",
  instances: 1,
  env: { REVFEED_CONFIG: config, NODE_ENV: "production" },
  // Each app calls process.send('ready') once it is really ready (database open, server listening);
  // pm2 waits for it on start and reload instead of guessing from the process being alive.
  wait_ready: true,
  listen_timeout: 30_000,
  autorestart: true,
  // A crash loop backs off (100 ms, growing to 15 s); the delay resets once the app has run 30 s.
  exp_backoff_restart_delay: 100,
  merge_logs: true,
};

// The worker's C allocator: jemalloc when installed (Debian/Ubuntu: `apt-get install libjemalloc2`),
// preloaded into the worker alone; REVFEED_MALLOC=system at `pm2 start` keeps glibc's malloc. glibc keeps
// the memory a busy cycle freed (page bodies, rendered feeds) inside the process, so the worker's RSS
// climbs for hours; jemalloc gives back pages unused for a second (dirty_decay_ms; its default of 10 s
// raised the first cycle's peak by 21–33 MB at N = 2,000). Over the bench's 500 one-minute cycles, RSS
// at idle ended at 200–212 MB with glibc and 166–170 MB with jemalloc (docs/performance.md). A
// MALLOC_CONF already set wins.
const JEMALLOC = [
  "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
  "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2",
  "/usr/lib64/libjemalloc.so.2",
  "/usr/lib/libjemalloc.so.2",
];

function allocatorEnv() {
  if (process.env.REVFEED_MALLOC === "system") return {};
  const lib = JEMALLOC.find((file) => fs.existsSync(file));
  if (!lib) return {};
  return {
    LD_PRELOAD: [lib, process.env.LD_PRELOAD].filter(Boolean).join(" "),
    MALLOC_CONF: process.env.MALLOC_CONF || "dirty_decay_ms:1000,muzzy_decay_ms:0",
  };
}

module.exports = {
  apps: [
    {
      ...common,
      name: "revfeed-worker",
      args: "watch",
      // pm2 sends SIGINT, then SIGKILL after kill_timeout. The worker lets a running check finish for up
      // to 5 s (SHUTDOWN_GRACE_MS in src/cli/watch.ts), then aborts its fetches and closes the database:
      // 15 s leaves room for that and for the last transaction to commit.
      kill_timeout: 15_000,
      // Restart before a leak hurts the host; a restart is safe (every check is one transaction).
      max_memory_restart: "300M",
      // V8 sized for a long-running worker rather than for throughput: a 1 MB young-generation semi-space
      // (default up to 16 MB) and an old generation grown to 1.5 times what the last full collection kept
      // (by default V8 picks 1.1 to 4 times). With 10,000 tracked articles the worker peaks at about 190 MB
      // instead of about 250 MB (which could near max_memory_restart above), for about 5–10 % more CPU per page.
      // One V8 helper thread instead of four: the worker's main and analysis threads already keep two cores
      // busy, and four helpers contending for them cost more than they save. On 2 cores the first cycle over
      // 10,000 pages took 7.71 s instead of 8.15 s (medians of seven alternating runs), and the helpers' CPU
      // 2.3–2.8 s instead of 3.0–3.6 s (docs/performance.md). `npm start` passes the same flags.
      node_args: ["--max-semi-space-size=1", "--heap-growing-percent=50", "--v8-pool-size=1"],
      env: { ...common.env, ...allocatorEnv() },
    },
    {
      ...common,
      name: "revfeed-server",
      args: "serve",
      kill_timeout: 10_000,
      max_memory_restart: "200M",
    },
  ],
};
