import { db } from "@/server/db";

/** A hash of every row of every table: equal before and after means nothing at all changed. */
export const databaseFingerprint = async () => {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const hashes: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ hash: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS hash FROM "${tablename}" t`,
    );
    hashes[tablename] = row!.hash;
  }
  return hashes;
};
