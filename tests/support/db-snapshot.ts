import { db } from "@/server/db";

/**
 * Every row of every table, as one checksum per table (with its row count), so a test can prove that a call
 * changed nothing at all: no insert, update or delete anywhere, not only in the tables it thought of.
 * `ignore` names tables that legitimately move on refused calls (e.g. rate-limit counters).
 */
export const snapshotDatabase = async ({ ignore = [] }: { ignore?: RegExp[] } = {}) => {
  const tables = (
    await db.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  )
    .map(({ tablename }) => tablename)
    .filter((table) => !ignore.some((pattern) => pattern.test(table)));
  const sql = tables
    .map((table) => `SELECT '${table}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`)
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; rows: number; sum: string }[]>(sql);
  return Object.fromEntries(rows.map(({ name, rows: count, sum }) => [name, `${count}:${sum}`]));
};
