import "server-only";
import { db, type DbClient } from "@/server/db";
import { defineSetting, readSetting } from "@/server/settings/setting";
import { DEFAULT_RUN_RETENTION_DAYS, ZRunRetentionDays } from "../system-queue.schemas";

const DAY_MS = 86_400_000;

/** How many days ended workflow runs (and old events) are kept before the retention workflow deletes them. */
export const runRetentionDaysSetting = defineSetting("workflows.runRetentionDays", ZRunRetentionDays, DEFAULT_RUN_RETENTION_DAYS);

export const getRunRetentionDays = (client: DbClient = db) => readSetting(runRetentionDaysSetting, client);

/** Ended runs whose endedAt, and events whose receivedAt, is before `cutoff` are due for deletion. */
export const getRetentionCutoff = async ({ now }: { now: Date }, client: DbClient = db) => {
  const days = await getRunRetentionDays(client);
  return { days, cutoff: new Date(now.getTime() - days * DAY_MS) };
};
