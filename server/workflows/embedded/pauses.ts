import "server-only";
import { matchesExpression } from "./expr";
import { finalizeRun, resolveStep } from "./runs";
import { epochMs, inTransaction, ts } from "./sql";
import type { Ctx, RunEvent } from "./types";

export type PauseRow = { id: string; runId: string; hashedId: string | null; kind: string; expr: string | null; event: RunEvent };

/** The memo an invoke gets when its child does not finish in time (§4.7). */
export const INVOKE_TIMEOUT_ERROR = {
  name: "InngestInvokeTimeoutError",
  message: "Timed out waiting for invoked function to complete",
};

/** The live WAIT/CANCEL pauses for an event name; `nameParam`/`nowParam` are the caller's placeholders. */
export const pausesForEventSql = (nameParam: string, nowParam: string) =>
  `SELECT p.id, p."runId", p."hashedId", p.kind, p.expr, r.event FROM "InngestPause" p JOIN "InngestRun" r ON r.id = p."runId"
   WHERE p."eventName" = ${nameParam} AND p.kind IN ('WAIT', 'CANCEL') AND p."expiresAt" > ${nowParam}::timestamp ORDER BY p.id`;

/**
 * Resolves the WAIT and CANCEL pauses an incoming event matches (§5.9). `event` in the expression is the
 * run's triggering event and `async` the incoming one; an evaluation error is no match. Each pause is won
 * by a conditional delete, so a pause resolves at most once. No lookback: only pauses that exist now.
 * `pauses` are the candidates from pausesForEventSql, read in the same statement that stored the event.
 */
export const resolvePauses = async (ctx: Ctx, incoming: RunEvent, pauses: PauseRow[]) => {
  for (const pause of pauses) {
    if (!matchesExpression(pause.expr, { event: pause.event, async: incoming })) continue;
    const won = await ctx.db.$queryRawUnsafe<unknown[]>(`DELETE FROM "InngestPause" WHERE id = $1 RETURNING id`, pause.id);
    if (won.length === 0) continue;
    if (pause.kind === "WAIT" && pause.hashedId) {
      // NOTE: the memo is the raw event, unwrapped (§4.5): the SDK hands it to user code whole.
      await resolveStep(ctx, pause.runId, pause.hashedId, incoming);
    } else if (pause.kind === "CANCEL") {
      await finalizeRun(ctx, pause.runId, { status: "CANCELLED" });
    }
  }
};

/** Pauses resolved per transaction: after downtime thousands can be due, and one transaction for all of them could time out and roll back on every pass. */
export const EXPIRE_PAUSES_BATCH = 100;

/**
 * Resolves up to `batchSize` expired pauses, oldest first, in one short transaction: a wait times out with
 * `null`, an invoke with the timeout error. Returns how many it took; the worker loop calls it again at
 * once while pauses stay due. SKIP LOCKED keeps a concurrent ingest's pause match and this sweep apart.
 */
export const expirePauses = async ({ db, clock }: Ctx, batchSize = EXPIRE_PAUSES_BATCH) =>
  inTransaction(db, async (tx) => {
    const expired = await tx.$queryRawUnsafe<{ runId: string; hashedId: string | null; kind: string }[]>(
      `DELETE FROM "InngestPause" WHERE id IN (
         SELECT id FROM "InngestPause" WHERE "expiresAt" <= $1::timestamp ORDER BY "expiresAt", id LIMIT $2 FOR UPDATE SKIP LOCKED
       ) RETURNING "runId", "hashedId", kind`,
      ts(clock.now()), batchSize,
    );
    const ctx = { db: tx, clock };
    for (const pause of expired) {
      if (!pause.hashedId) continue;
      if (pause.kind === "WAIT") await resolveStep(ctx, pause.runId, pause.hashedId, null);
      if (pause.kind === "INVOKE") await resolveStep(ctx, pause.runId, pause.hashedId, { error: INVOKE_TIMEOUT_ERROR });
    }
    return expired.length;
  });

/** The earliest pause expiry, for the idle sleep and advanceTime. */
export const nextPauseExpiryMs = async (ctx: Ctx) => {
  const rows = await ctx.db.$queryRawUnsafe<{ at: number | null }[]>(`SELECT ${epochMs('min("expiresAt")')} AS at FROM "InngestPause"`);
  return rows[0]?.at ?? undefined;
};
