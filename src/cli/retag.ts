import { loadTagger } from "../tag-wiring.js";
import { createPublisher } from "../watch/publisher.js";
import { configFrom, type GlobalOptions, loggerFor, openReadStore } from "./common.js";
import { type CliIO, print } from "./io.js";

/**
 * `revfeed retag`: recomputes every stored revision's tags with the current rules. Tags are the only
 * part of a stored revision that ever changes; the text stays as it was observed.
 */
export async function retagCommand(io: CliIO, options: GlobalOptions): Promise<void> {
  const config = configFrom(io, options);
  const tagger = loadTagger(config);
  const store = openReadStore(config);
  try {
    let revisions = 0;
    let changed = 0;
    for (const article of store.listArticles()) {
      for (const r of store.listRevisions(article.id)) {
        const text = [r.title, ...r.paragraphs.map((p) => p.text)].join("\n\n");
        const tags = tagger.tag(text, article.lang);
        revisions++;
        if (JSON.stringify(tags) !== JSON.stringify(r.tags)) {
          store.setRevisionTags(r.id, tags);
          changed++;
        }
      }
    }
    // Tags decide which feeds carry an article, so the feeds follow the new tags at once.
    const logger = loggerFor(config, io, true);
    const publisher = changed > 0 ? createPublisher(config, { store, clock: io.clock, logger }) : null;
    const files = publisher ? await publisher.publish([]) : [];
    print(
      io.stdout,
      `Retagged ${revisions} revisions: ${changed} changed; ${files.length} feed files updated.`,
    );
  } finally {
    store.close();
  }
}
