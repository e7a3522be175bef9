import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db, type DbClient } from "@/server/db";
import { readSetting, writeSetting } from "@/server/settings/setting";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { staffTwoFactorSetting, type TStaffTwoFactorPolicy } from "./staff-two-factor-policy";

/**
 * Staff change which staff must use two-factor. The setting and its audit entry commit together; the next
 * page a newly affected staff member opens sends them to My Security.
 */
export const updateStaffTwoFactorPolicy = async ({ policy, staffId }: { policy: TStaffTwoFactorPolicy; staffId: string }, client: DbClient = db) =>
  inTransaction(client, async (tx) => {
    const previous = await readSetting(staffTwoFactorSetting, tx);
    await writeSetting(staffTwoFactorSetting, policy, tx);
    await writeAuditEntry(
      {
        actor: { kind: "staff", staffId },
        action: "settings.staff-two-factor-changed",
        entity: { type: "Setting", id: staffTwoFactorSetting.key },
        before: { policy: previous },
        after: { policy },
      },
      tx,
    );
    return { policy, previous };
  });
