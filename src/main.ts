#!/usr/bin/env node
import { runCli } from "./cli/program.js";
import { systemClock } from "./clock.js";

/** Composition root: the only place that reads process.* and the system clock. */
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  clock: systemClock,
  isTTY: Boolean(process.stdout.isTTY),
  onShutdownSignal(handler) {
    const listener = (signal: NodeJS.Signals) => handler(signal);
    process.once("SIGINT", listener);
    process.once("SIGTERM", listener);
    return () => {
      process.off("SIGINT", listener);
      process.off("SIGTERM", listener);
    };
  },
  notifyReady() {
    process.send?.("ready");
  },
});
// `watch` and `serve` resolve only when they shut down, so exiting here never cuts them short.
process.exitCode = code;
// Under a supervisor (pm2 fork mode) the IPC channel used for process.send('ready') keeps the event loop
// alive forever: close it, or pm2 waits its whole kill_timeout and then SIGKILLs a process that had finished.
if (process.connected) process.disconnect();
