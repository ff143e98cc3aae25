// pm2 process file: `npm run build && pm2 start ecosystem.config.cjs`.
// Both apps run the compiled JavaScript; the configuration path comes from REVFEED_CONFIG.
const config = process.env.REVFEED_CONFIG || "revfeed.config.yaml";

module.exports = {
  apps: [
    {
      name: "revfeed-worker",
      script: "dist/main.js",
      args: "watch",
      env: { REVFEED_CONFIG: config, NODE_ENV: "production" },
      wait_ready: true,
      listen_timeout: 30000,
      // Longer than the worker's shutdown grace (5 s) so a running check can finish.
      kill_timeout: 15000,
      max_memory_restart: "300M",
      autorestart: true,
      exp_backoff_restart_delay: 1000,
    },
    {
      name: "revfeed-server",
      script: "dist/main.js",
      args: "serve",
      env: { REVFEED_CONFIG: config, NODE_ENV: "production" },
      wait_ready: true,
      listen_timeout: 30000,
      kill_timeout: 10000,
      max_memory_restart: "200M",
      autorestart: true,
    },
  ],
};
