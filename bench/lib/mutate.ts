import { seeded } from "./random.js";
import { writePage } from "./site.js";

/** Edits pages on the site: each chosen page moves to its next version (new text, new mtime, new ETag). */
export class SiteEditor {
  readonly #versions = new Map<number, number>();
  readonly #random: () => number;

  constructor(
    readonly root: string,
    readonly ns: string,
    readonly ids: number[],
    seed: number,
  ) {
    this.#random = seeded(seed);
  }

  /** Changes `count` distinct pages chosen at random; returns their ids. */
  change(count: number): number[] {
    const pool = [...this.ids];
    const chosen: number[] = [];
    for (let i = 0; i < count && pool.length > 0; i++) {
      const at = Math.floor(this.#random() * pool.length);
      chosen.push(pool[at] as number);
      pool[at] = pool[pool.length - 1] as number;
      pool.pop();
    }
    for (const id of chosen) {
      const version = (this.#versions.get(id) ?? 0) + 1;
      this.#versions.set(id, version);
      writePage(this.root, this.ns, id, version);
    }
    return chosen;
  }
}
