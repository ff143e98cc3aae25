import { Command, CommanderError, Option } from "commander";
import { ConfigError } from "../config/load.js";
import { articlesCommand } from "./articles.js";
import { diffCommand } from "./diff.js";
import { historyCommand } from "./history.js";
import { type CliIO, CommandError, print, UsageError } from "./io.js";
import { onceCommand } from "./once.js";
import { retagCommand } from "./retag.js";
import { serveCommand } from "./serve.js";
import { tagCommand } from "./tag.js";
import { watchCommand } from "./watch.js";

/** Exit statuses: 0 ok, 1 failure, 2 usage or configuration error. */
export type ExitCode = 0 | 1 | 2;

function buildProgram(io: CliIO): Command {
  const program = new Command("revfeed")
    .description("Watch news stories change and republish every revision as Atom, RSS and JSON feeds.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const configOption = () =>
    new Option(
      "-c, --config <path>",
      "configuration file (default: $REVFEED_CONFIG or ./revfeed.config.yaml)",
    );

  program
    .command("once")
    .description("run one full cycle: poll every source and re-check due articles, then publish")
    .addOption(configOption())
    .option("--recheck", "re-check every article still watched, due or not")
    .action((opts) => onceCommand(io, opts));
  program
    .command("watch")
    .description("run the worker: poll and re-check on the configured schedule until stopped")
    .addOption(configOption())
    .action((opts) => watchCommand(io, opts));
  program
    .command("articles")
    .description("list tracked articles with status, revision count and last change")
    .addOption(configOption())
    .option("--json", "print JSON")
    .option("--tag <tag>", "only articles with this tag")
    .option("--limit <n>", "at most this many articles")
    .action((opts) => articlesCommand(io, opts));
  program
    .command("history")
    .description("an article's revisions and events (article: id, URL or the site's numeric id)")
    .argument("<article>")
    .addOption(configOption())
    .option("--json", "print JSON")
    .action((ref, opts) => historyCommand(io, ref, opts));
  program
    .command("diff")
    .description("what changed between two revisions (default: previous to latest)")
    .argument("<article>")
    .addOption(configOption())
    .option("--from <n>", "older revision number")
    .option("--to <m>", "newer revision number")
    .addOption(new Option("--format <format>", "output format").choices(["text", "color", "html", "json"]))
    .option("--context <n>", "unchanged paragraphs shown around each change")
    .option("--no-color", "never use colors")
    .action((ref, opts) => diffCommand(io, ref, opts));
  program
    .command("tag")
    .description("tag a text (a file, or - / nothing for standard input) and explain why")
    .argument("[file]")
    .addOption(configOption())
    .option("--lang <lang>", "language of the text (case folding)")
    .option("--json", "print JSON")
    .action((file, opts) => tagCommand(io, file, opts));
  program
    .command("retag")
    .description("recompute stored tags with the current rules")
    .addOption(configOption())
    .action((opts) => retagCommand(io, opts));
  program
    .command("serve")
    .description("serve the feeds, the web view and the JSON API")
    .addOption(configOption())
    .option("--port <n>", "port (default from config)")
    .option("--host <host>", "address to listen on (default from config)")
    .action((opts) => serveCommand(io, opts));
  return program;
}

/** Runs the CLI and returns the exit status; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIO): Promise<ExitCode> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ConfigError || err instanceof UsageError) {
      print(io.stderr, `revfeed: ${err.message}`);
      return 2;
    }
    if (err instanceof CommandError) {
      print(io.stderr, `revfeed: ${err.message}`);
      return 1;
    }
    print(io.stderr, `revfeed: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
