import "server-only";
import { Cron } from "croner";

/** Splits a registered cron into the expression and its timezone (`TZ=` / `CRON_TZ=` prefix; default UTC). */
export const parseCronSpec = (spec: string) => {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(spec.trim());
  return match ? { timezone: match[1]!, pattern: match[2]!.trim() } : { timezone: "UTC", pattern: spec.trim() };
};

/** The first slot strictly after `afterMs`, or throws for an expression croner cannot parse. */
export const nextCronSlotMs = (spec: string, afterMs: number): number => {
  const { timezone, pattern } = parseCronSpec(spec);
  const next = new Cron(pattern, { timezone, paused: true }).nextRun(new Date(afterMs));
  if (!next) throw new Error(`cron "${spec}" has no future slot`);
  return next.getTime();
};

/** Whether the SDK-registered cron parses; used by sync validation. */
export const cronError = (spec: string): string | undefined => {
  try {
    nextCronSlotMs(spec, 0);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
