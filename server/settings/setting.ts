import "server-only";
import type { z } from "zod";
import { db, type DbClient } from "@/server/db";

/**
 * A typed entry of the `Setting` key/JSON store: its key, the schema every stored value must pass, and the
 * value used while nothing is stored. Define one per setting next to the code that reads it.
 */
export type TSettingDefinition<T> = { key: string; schema: z.ZodType<T>; defaultValue: T };

export const defineSetting = <T>(key: string, schema: z.ZodType<T>, defaultValue: T): TSettingDefinition<T> => ({ key, schema, defaultValue });

/**
 * The stored value, or the default while none is stored. A stored value the schema no longer accepts (a
 * bound tightened in a later release) also reads as the default, so a bad row never breaks its readers.
 */
export const readSetting = async <T>(setting: TSettingDefinition<T>, client: DbClient = db): Promise<T> => {
  const row = await client.setting.findUnique({ where: { key: setting.key }, select: { value: true } });
  if (!row) return setting.defaultValue;
  const parsed = setting.schema.safeParse(row.value);
  if (!parsed.success) {
    console.warn(`[settings] ${setting.key} holds an invalid value; using the default`, row.value);
    return setting.defaultValue;
  }
  return parsed.data;
};

/** Stores a value; it must pass the setting's schema (callers validate first, to answer field errors). */
export const writeSetting = async <T>(setting: TSettingDefinition<T>, value: T, client: DbClient = db) => {
  const stored = setting.schema.parse(value) as object;
  await client.setting.upsert({ where: { key: setting.key }, create: { key: setting.key, value: stored }, update: { value: stored } });
};
