import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Story } from "../../test/support/news-site.js";

/**
 * What the demo's local news sites publish, and when: the seed story (Trend, 24 October 2025) as it was
 * updated that day, compressed into about a minute, plus a few other stories in English, Azerbaijani and
 * Russian (one of them not about the Organization of Turkic States).
 */

export type SiteName = "ru" | "en" | "az";

export interface Step {
  /** Seconds after the demo starts. */
  at: number;
  site: SiteName;
  story: Story;
  /** What a watcher should notice, printed when the step happens. */
  note: string;
}

export interface SeedStory {
  paragraphs: string[];
  marker: string;
}

const SEED_FILE = "trend-ots-ministers-2025-10-24.txt";

/** The seed story from ../shared/seed (next to the repository), else the copy shipped beside this file. */
export function loadSeed(repo: string): SeedStory {
  const shared = path.resolve(repo, "../shared/seed", SEED_FILE);
  const file = existsSync(shared) ? shared : path.join(import.meta.dirname, SEED_FILE);
  const blocks = readFileSync(file, "utf8")
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  // The file opens with "date YYYY-MM-DD " before the dateline of the first paragraph.
  const body = blocks.map((b, i) => (i === 0 ? b.replace(/^date \d{4}-\d{2}-\d{2} /, "") : b));
  return { paragraphs: body.slice(0, -1), marker: body.at(-1) ?? "Новость обновляется" };
}

const SEED_ID = 4108303;
const TITLE = "В Баку проходит второе заседание министров промышленности ОТГ";

export function demoTimeline(seed: SeedStory): Step[] {
  const p = seed.paragraphs;
  const published = "2025-10-24T10:35:00Z";
  const seedStory = (title: string, paragraphs: string[]): Story => ({
    id: SEED_ID,
    title,
    paragraphs,
    publishedAt: published,
  });
  // The day's text carries the misspelt "Куманычбек"; the demo shows it caught, then corrected.
  const typo = p.map((x) => x.replace("Кубанычбек", "Куманычбек"));
  const fixed = typo.map((x) => x.replace("Куманычбек", "Кубанычбек"));

  const en = (paragraphs: string[]): Story => ({
    id: 4108410,
    section: "business/economy",
    title: "OTS industry ministers meet in Baku",
    publishedAt: "2025-10-24T11:05:00Z",
    paragraphs,
  });
  const az = (paragraphs: string[]): Story => ({
    id: 4108455,
    section: "iqtisadiyyat",
    title: "TDT sənaye nazirlərinin ikinci iclası Bakıda keçirilir",
    publishedAt: "2025-10-24T11:20:00Z",
    paragraphs,
  });
  const weather = (paragraphs: string[]): Story => ({
    id: 4108501,
    section: "society",
    title: "В Баку ожидается сильный ветер",
    publishedAt: "2025-10-24T09:50:00Z",
    paragraphs,
  });

  const enText = [
    "BAKU, Azerbaijan, October 24. The second meeting of the industry ministers of the Organization of Turkic States (OTS) is being held in Baku.",
    "Azerbaijan's Minister of Economy Mikayil Jabbarov said the Gabala Declaration adopted at the 12th OTS summit pays special attention to innovation and digital technologies.",
    "Trade turnover between the OTS member states keeps growing, the minister noted.",
  ];
  const azText = [
    "Bakı, 24 oktyabr. Türk Dövlətləri Təşkilatının (TDT) sənaye nazirlərinin ikinci iclası Bakıda keçirilir.",
    "İqtisadiyyat naziri Mikayıl Cabbarov bildirib ki, Qəbələ Bəyannaməsində innovasiyalara xüsusi diqqət yetirilib.",
    "Xəbər yenilənir",
  ];
  const weatherText = [
    "В пятницу в Баку и на Абшеронском полуострове ожидается сильный северо-западный ветер.",
    "Порывы ветра днем могут достигать 20 метров в секунду, сообщили в Национальной гидрометеорологической службе.",
  ];

  return [
    {
      at: 0,
      site: "ru",
      story: seedStory(TITLE, [...typo.slice(0, 3), seed.marker]),
      note: "seed story, v1: three paragraphs and «Новость обновляется»",
    },
    { at: 0, site: "en", story: en(enText.slice(0, 2)), note: "English OTS story" },
    { at: 0, site: "az", story: az(azText), note: "Azerbaijani OTS story, developing («Xəbər yenilənir»)" },
    { at: 0, site: "ru", story: weather(weatherText), note: "a story that is not about the OTS" },
    {
      at: 12,
      site: "ru",
      story: seedStory(`${TITLE} (ФОТО)`, [...typo.slice(0, 6), seed.marker]),
      note: "seed story, v2: (ФОТО) in the title, three more paragraphs",
    },
    { at: 20, site: "en", story: en(enText), note: "English story: a paragraph appended" },
    {
      at: 24,
      site: "ru",
      story: seedStory(`${TITLE} (ФОТО)`, [...typo.slice(0, 9), seed.marker]),
      note: "seed story, v3: three more paragraphs",
    },
    {
      at: 30,
      site: "az",
      story: az([
        ...azText.slice(0, 2),
        "Tədbirdə TDT-yə üzv ölkələr arasında ticarət dövriyyəsinin artımı müzakirə olunub.",
      ]),
      note: "Azerbaijani story: marker replaced by a final paragraph",
    },
    {
      at: 36,
      site: "ru",
      story: seedStory(`${TITLE} (ФОТО)`, [...typo, seed.marker]),
      note: "seed story, v4: the full text, still developing",
    },
    {
      at: 42,
      site: "ru",
      story: weather([weatherText[0] ?? "", (weatherText[1] ?? "").replace("20 метров", "25 метров")]),
      note: "weather story: a number corrected",
    },
    {
      at: 48,
      site: "ru",
      story: seedStory(`${TITLE} (ФОТО)`, [...fixed, seed.marker]),
      note: "seed story, v5: «Куманычбек» corrected to «Кубанычбек»",
    },
    {
      at: 60,
      site: "ru",
      story: seedStory(`${TITLE} (ФОТО)`, fixed),
      note: "seed story, v6: «Новость обновляется» removed: the story is final",
    },
  ];
}
