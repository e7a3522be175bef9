import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db, type DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { writeSetting } from "@/server/settings/setting";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { ZRunRetentionDays } from "../system-queue.schemas";
import { getRunRetentionDays, runRetentionDaysSetting } from "./run-retention-setting";

export type UpdateRunRetentionOptions = { days: number; staffId: string };

/**
 * Staff change how long ended workflow runs and old events are kept. The new value and its audit entry
 * commit together; a value outside 1–3650 whole days is refused with a field error and nothing changes.
 * The next retention run (daily, or "Run Now" in the System Queue) applies it.
 */
export const updateRunRetention = async ({ days, staffId }: UpdateRunRetentionOptions, client: DbClient = db) => {
  const parsed = ZRunRetentionDays.safeParse(days);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Enter a valid number of days.";
    throw new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { days: [message] } });
  }
  return inTransaction(client, async (tx) => {
    const previousDays = await getRunRetentionDays(tx);
    await writeSetting(runRetentionDaysSetting, parsed.data, tx);
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId },
        action: "settings.run-retention-changed",
        entity: { type: "Setting", id: runRetentionDaysSetting.key },
        before: { days: previousDays },
        after: { days: parsed.data },
      },
      tx,
    );
    return { days: parsed.data, previousDays };
  });
};
