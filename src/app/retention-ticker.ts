import type Database from "better-sqlite3";
import type { Logger } from "../logger.js";
import { applyRetention } from "../store/retention.js";

const HOUR_MS = 3_600_000;
const CHECK_EVERY_MS = 60_000;

/**
 * Forgets what is older than RETENTION_DAYS: at once, then at most once an hour (checked every
 * minute, so a machine that slept catches up soon). A failure is logged and tried again later.
 * Returns what stops it.
 */
export function startRetention(db: Database.Database, retentionDays: number, logger: Logger): () => void {
  let lastRetention = 0;
  const forgetOld = () => {
    if (Date.now() - lastRetention < HOUR_MS) return;
    lastRetention = Date.now();
    try {
      const result = applyRetention(db, retentionDays);
      if (result.removed || result.anonymisedHandoffs) logger.info(`bewaartermijn (${retentionDays} dagen): ${result.removed} regels verwijderd, ${result.anonymisedHandoffs} doorgegeven vragen geanonimiseerd`);
    } catch (error) {
      logger.error(`opruimen na de bewaartermijn mislukt: ${(error as Error).message}`);
    }
  };
  forgetOld();
  const ticker = setInterval(forgetOld, CHECK_EVERY_MS);
  return () => clearInterval(ticker);
}
