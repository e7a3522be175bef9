import "server-only";
import { nextCronSlotMs } from "./cron";

import { claimDedupe, createRun } from "./runs";
import { loadFunctions } from "./registry";
import { inTransaction, epochMs, ts } from "./sql";
import type { Ctx, RunEvent } from "./types";

/**
 * Fires one cron slot for one function: a run created directly (never through the global trigger matcher,
 * which would collapse every function's same-instant slot), deduplicated on ("cron:<fnId>", slot).
 */
export const fireCronSlot = async (ctx: Ctx, functionId: string, cron: string, slotMs: number) => {
  const fn = (await loadFunctions(ctx.db)).get(functionId);
  if (!fn) throw new Error(`tickCron: function "${functionId}" is not synced`);
  const slot = new Date(slotMs).toISOString();
  const event: RunEvent = {
    id: slot,
    name: "inngest/scheduled.timer",
    data: { cron, scheduledAt: slot, fireAt: new Date(ctx.clock.now()).toISOString() },
    ts: ctx.clock.now(),
    user: {},
  };
  return inTransaction(ctx.db, async (tx) => {
    if (!(await claimDedupe(tx, `cron:${functionId}`, slot, ctx.clock.now()))) return undefined;
    return createRun({ db: tx, clock: ctx.clock }, { fn, event });
  });
};

/**
 * Fires every due cron row once. The conditional update on nextAt decides the winner, and the next slot
 * is computed from now: after downtime at most one missed slot is caught up (§5.9).
 */
export const tickDueCrons = async (ctx: Ctx) => {
  const nowMs = ctx.clock.now();
  const due = await ctx.db.$queryRawUnsafe<{ functionId: string; expr: string; at: number }[]>(
    `SELECT "functionId", expr, ${epochMs('"nextAt"')} AS at FROM "InngestCron" WHERE "nextAt" <= $1::timestamp`,
    ts(nowMs),
  );
  let fired = 0;
  for (const row of due) {
    const won = await ctx.db.$executeRawUnsafe(
      `UPDATE "InngestCron" SET "nextAt" = $3::timestamp WHERE "functionId" = $1 AND expr = $2 AND "nextAt" = $4::timestamp`,
      row.functionId, row.expr, ts(nextCronSlotMs(row.expr, nowMs)), ts(Number(row.at)),
    );
    if (won > 0 && (await fireCronSlot(ctx, row.functionId, row.expr, Number(row.at)))) fired += 1;
  }
  return fired;
};

/** Test/staff helper: fires the function's cron slot at `at` (default now), whatever its schedule. */
export const tickCron = async (ctx: Ctx, functionId: string, at?: Date) => {
  const fn = (await loadFunctions(ctx.db)).get(functionId);
  const trigger = fn?.triggers.find((t): t is { cron: string } => "cron" in t);
  if (!fn || !trigger) throw new Error(`tickCron: "${functionId}" is not a synced cron function`);
  const runId = await fireCronSlot(ctx, functionId, trigger.cron, (at ?? new Date(ctx.clock.now())).getTime());

  return runId;
};
