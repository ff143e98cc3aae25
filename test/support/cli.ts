import { Readable, Writable } from "node:stream";
import { runCli } from "../../src/cli/program.js";
import type { Clock } from "../../src/clock.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/** Runs the CLI in-process, as the binary would, with captured output and an injected clock. */
export async function runRevfeed(
  argv: string[],
  options: { cwd: string; clock: Clock; env?: NodeJS.ProcessEnv; stdin?: string; isTTY?: boolean },
): Promise<CliRun> {
  const out = sink();
  const err = sink();
  const code = await runCli(argv, {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Readable.from([options.stdin ?? ""]),
    env: options.env ?? {},
    cwd: options.cwd,
    clock: options.clock,
    isTTY: options.isTTY ?? false,
    onShutdownSignal: () => () => {},
    notifyReady: () => {},
  });
  return { code, stdout: out.text(), stderr: err.text() };
}
