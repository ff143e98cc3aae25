import { readFileSync } from "node:fs";
import path from "node:path";
import { text as readStream } from "node:stream/consumers";
import { explainTags } from "../tag/explain.js";
import { loadTagger } from "../tag-wiring.js";
import { configFrom, type GlobalOptions } from "./common.js";
import { type CliIO, CommandError, print } from "./io.js";

export interface TagCommandOptions extends GlobalOptions {
  lang?: string;
  json?: boolean;
}

/** `revfeed tag [FILE|-]`: tags any text and explains each tag with its rule and matched span. */
export async function tagCommand(
  io: CliIO,
  file: string | undefined,
  options: TagCommandOptions,
): Promise<void> {
  const config = configFrom(io, options);
  const tagger = loadTagger(config);
  let text: string;
  if (file === undefined || file === "-") {
    text = await readStream(io.stdin);
  } else {
    try {
      text = readFileSync(path.resolve(io.cwd, file), "utf8");
    } catch (err) {
      throw new CommandError(
        `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
  }
  const tags = tagger.tag(text, options.lang ?? null);
  if (options.json) {
    print(io.stdout, JSON.stringify({ tags }));
    return;
  }
  print(io.stdout, explainTags(tags, text));
}
