import type { Knowledge } from "../app/open-knowledge.js";
import { writeLessonToKnowledge } from "../app/lesson-writer.js";
import type { Config } from "../config.js";
import { LessonService } from "../core/introductions/lesson-service.js";
import { SqliteIntroductionRepository } from "../store/sqlite-introduction-repository.js";
import { SqliteLessonRepository } from "../store/sqlite-lesson-repository.js";

export const LESSEN_USAGE = `  lessen                    voorgestelde aanvullingen uit kennismakingen (wat mensen leerden en wilden delen)
  lessen aannemen <id>      neem een voorstel op in de kennisbank (de eerste 8 tekens van het id zijn genoeg)
  lessen afwijzen <id>      wijs een voorstel af`;

/** Who decided, in the audit trail, when a maintainer decides from the command line. */
const CLI_ACTOR = "beheerder (kennis-opdracht)";

/** `kennis -- lessen [aannemen|afwijzen <id>]`: the coordinators' proposed additions, as in the team view. */
export async function runLessonsCommand(config: Config, knowledge: Knowledge, args: string[]): Promise<number> {
  const repository = new SqliteLessonRepository(knowledge.db);
  const introductions = new SqliteIntroductionRepository(knowledge.db);
  const service = new LessonService({
    repository,
    introduction: (id) => introductions.get(id)?.intro,
    write: (lesson) => writeLessonToKnowledge(lesson, {
      knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes, refreshVectors: () => knowledge.semantic.refreshVectors(),
    }),
    // Whoever runs the maintainers' commands manages the knowledge store.
    mayDecide: () => true,
    log: { info: () => undefined, warn: (m) => console.error(m) },
  });
  const [verb, ref] = args;
  if (!verb) {
    const lessons = service.proposals(CLI_ACTOR) ?? [];
    if (lessons.length === 0) {
      console.log("Er liggen geen voorgestelde aanvullingen uit kennismakingen.");
      return 0;
    }
    for (const l of lessons) {
      const about = [l.theme && `thema ${l.theme}`, l.region && `regio ${l.region}`, l.helped === true ? "het hielp" : l.helped === false ? "het hielp niet echt" : undefined].filter(Boolean).join(" · ");
      console.log(`${l.id.slice(0, 8)}  ${l.proposedAt.slice(0, 10)}  van ${l.from}${about ? ` · ${about}` : ""}\n  ${l.text.replace(/\n+/g, "\n  ")}\n`);
    }
    console.log(`${lessons.length} voorstel(len). Opnemen: npm run kennis -- lessen aannemen <id>; afwijzen: npm run kennis -- lessen afwijzen <id>`);
    return 0;
  }
  if (verb !== "aannemen" && verb !== "afwijzen") throw new Error(`onbekende opdracht "lessen ${verb}"; kies aannemen of afwijzen`);
  if (!ref || ref.length < 8) throw new Error("welk voorstel? Geef (de eerste 8 tekens van) het id uit: npm run kennis -- lessen");
  const matches = repository.proposed().map((l) => l.id).concat(repository.get(ref) ? [ref] : []).filter((id, i, all) => id.startsWith(ref) && all.indexOf(id) === i);
  if (matches.length !== 1) throw new Error(matches.length ? `"${ref}" past bij meer voorstellen; geef meer tekens` : `geen voorstel met id "${ref}"; zie npm run kennis -- lessen`);
  const result = (await service.decide(CLI_ACTOR, matches[0]!, verb === "aannemen" ? "accept" : "reject"))!;
  console.log(result.text);
  return result.ok ? 0 : 1;
}
