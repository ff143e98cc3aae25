import type { Writable } from "node:stream";
import type { Clock } from "../clock.js";

/** Everything a command touches of the outside world, so tests run commands in-process. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock: Clock;
  /** stdout is a terminal (colors, widths). */
  isTTY: boolean;
  /** Calls `handler` once on SIGINT/SIGTERM; returns a function that removes it. */
  onShutdownSignal(handler: (signal: string) => void): () => void;
  /** Tells a supervisor (pm2 `wait_ready`) that the process is ready. */
  notifyReady(): void;
}

/** A usage or configuration problem: exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A failure the user should see as one line, without a stack: exit status 1. */
export class CommandError extends Error {
  override name = "CommandError";
}

export function print(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
