import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupPglite } from "@/server/db/backup/backup-pglite";
import { exportPgliteSql } from "@/server/db/backup/export-pglite-sql";
import { restorePglite } from "@/server/db/backup/restore-pglite";
import { PrismaClient } from "@/server/db/generated/client";
import { migrate } from "@/server/db/migrate";
import { acquirePgliteLock, PgliteLockedError } from "@/server/db/pglite-lock.mjs";
import { placeOrder } from "@/server/orders/place-order";
import { seedDemo } from "@/server/setup/seed-demo";
import { buildPlaceOrderInput } from "@/tests/factories/checkout-factory";

// db:backup → db:restore and db:export → psql, on an embedded database filled by the real use cases (demo seed,
// guest checkouts) plus values that are easy to get wrong in a dump: quotes, backslashes, newlines, non-ASCII
// text, JSON, NULLs and timestamps.

const root = mkdtempSync(path.join(tmpdir(), "hostlane-db-tools-"));
const sourceDir = path.join(root, "pglite");
const TRICKY_COMPANY = `O'Brien \\ "Søn" & Co.\nzweite Zeile ✓`;

type Queryable = { query: <T>(sql: string) => Promise<{ rows: T[] }> };

/** Every table of the public schema with its full contents, in a stable order, as JSON text. */
const snapshotTables = async (sql: Queryable) => {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const snapshot: Record<string, { count: number; rows: string }> = {};
  for (const { name } of tables) {
    const { rows } = await sql.query<{ count: number; rows: string }>(
      `SELECT count(*)::int AS count, coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')::text AS rows FROM "${name}" t`,
    );
    snapshot[name] = rows[0]!;
  }
  return snapshot;
};

const withPglite = async <T,>(dataDir: string, work: (pglite: PGlite) => Promise<T>) => {
  const lock = acquirePgliteLock(dataDir);
  const pglite = await PGlite.create(dataDir);
  try {
    return await work(pglite);
  } finally {
    await pglite.close();
    lock.release();
  }
};

let source: Awaited<ReturnType<typeof snapshotTables>>;

beforeAll(async () => {
  await withPglite(sourceDir, async (pglite) => {
    await migrate({ exec: (sql) => pglite.exec(sql), query: (sql, params) => pglite.query(sql, params) });
    // NOTE: the same type bridge as server/db/index.ts (pglite-prisma-adapter is typed against an older Prisma).
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as PrismaPg });
    await seedDemo(client);
    const products = await client.product.findMany({ select: { id: true }, orderBy: { position: "asc" } });
    for (const [index, product] of products.entries()) {
      await placeOrder(
        {
          input: buildPlaceOrderInput({ items: [{ productId: product.id, cycle: "ANNUALLY" }], company: `${TRICKY_COMPANY} ${index}` }),
          now: new Date(`2026-03-0${index + 1}T10:00:00.123Z`),
        },
        client,
      );
    }
    await client.auditLog.create({ data: { actorKind: "SYSTEM", actorId: "test", action: "test.tricky", entityType: "Test", entityId: "1", details: { text: TRICKY_COMPANY, list: [1, null, "ü"] } } });
    source = await snapshotTables(pglite);
  });
  expect(source.Order!.count).toBe(3);
  expect(source.Invoice!.count).toBe(3);
  expect(source.Client!.rows).toContain("zweite Zeile");
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("db:backup and db:restore", () => {
  it("a backup restored over a changed database gives back exactly the rows it was taken with", async () => {
    const file = path.join(root, "backups", "snapshot.tar.gz");
    const { bytes } = await backupPglite({ dataDir: sourceDir, file });
    expect(bytes).toBeGreaterThan(0);
    expect(readdirSync(path.dirname(file))).toEqual(["snapshot.tar.gz"]); // no partial file left beside it

    // Changed after the backup: restoring must bring back the earlier state, not merge. (An insert: the audit
    // log is append-only.)
    await withPglite(sourceDir, (pglite) =>
      pglite.exec(`INSERT INTO "AuditLog" (id, "actorKind", "actorId", action, "entityType", "entityId") VALUES ('after-backup', 'SYSTEM', 'test', 'test.after-backup', 'Test', '2')`),
    );

    const { replaced } = await restorePglite({ dataDir: sourceDir, file, now: new Date("2026-03-05T12:00:00Z") });
    expect(await withPglite(sourceDir, snapshotTables)).toEqual(source);
    // The folder it replaced is kept, with the change made after the backup.
    expect(replaced).toBe(`${sourceDir}.replaced-20260305120000`);
    const before = await withPglite(replaced!, snapshotTables);
    expect(before.AuditLog!.count).toBe(source.AuditLog!.count + 1);

    // Into a folder that does not exist yet (a new machine).
    const fresh = path.join(root, "fresh", "pglite");
    expect((await restorePglite({ dataDir: fresh, file, now: new Date() })).replaced).toBeNull();
    expect(await withPglite(fresh, snapshotTables)).toEqual(source);
  }, 300_000);

  it("refuses a file that is not a backup, changing nothing", async () => {
    const file = path.join(root, "not-a-backup.tar.gz");
    writeFileSync(file, "this is not a tarball");
    await expect(restorePglite({ dataDir: sourceDir, file, now: new Date() })).rejects.toThrow(/is not a Hostlane database backup.*nothing was changed/);
    expect(await withPglite(sourceDir, snapshotTables)).toEqual(source);
    expect(readdirSync(root).filter((name) => name.includes(".restoring-"))).toEqual([]);
  }, 300_000);

  it("backup, restore and export refuse while another opener holds the folder, and touch nothing", async () => {
    const lock = acquirePgliteLock(sourceDir);
    try {
      const file = path.join(root, "while-locked.tar.gz");
      await expect(backupPglite({ dataDir: sourceDir, file })).rejects.toThrow(PgliteLockedError);
      await expect(exportPgliteSql({ dataDir: sourceDir, file })).rejects.toThrow(PgliteLockedError);
      await expect(restorePglite({ dataDir: sourceDir, file, now: new Date() })).rejects.toThrow(
        new RegExp(`${sourceDir}.*in use by process ${process.pid}`),
      );
      expect(existsSync(file)).toBe(false);
    } finally {
      lock.release();
    }
  });
});

describe("db:export", () => {
  const psql = ["/usr/bin/psql", "/usr/lib/postgresql/15/bin/psql"].find((candidate) => existsSync(candidate)) ?? "psql";

  it("writes SQL that psql loads into an empty PostgreSQL database with every row and value intact", async () => {
    const file = path.join(root, "export.sql");
    await exportPgliteSql({ dataDir: sourceDir, file });

    const adminUrl = process.env.HOSTLANE_TEST_PG_ADMIN_URL!;
    const database = `hostlane_export_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const targetUrl = new URL(adminUrl);
    targetUrl.pathname = `/${database}`;
    const target = new pg.Client(targetUrl.toString());
    try {
      // ON_ERROR_STOP: any statement the server rejects fails the load (and the test), not just a warning.
      execFileSync(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", targetUrl.toString(), "-f", file], { stdio: "pipe" });
      await target.connect();
      const loaded = await snapshotTables(target);
      expect(Object.keys(loaded)).toEqual(Object.keys(source));
      for (const table of Object.keys(source)) {
        expect({ table, count: loaded[table]!.count }).toEqual({ table, count: source[table]!.count });
      }
      expect(loaded).toEqual(source);
      // Sequences continue after the exported rows: the next client and order numbers do not collide.
      const { rows } = await target.query<{ next: number; max: number }>(
        `SELECT nextval(pg_get_serial_sequence('"Client"', 'number'))::int AS next, (SELECT max(number) FROM "Client") AS max`,
      );
      expect(rows[0]!.next).toBeGreaterThan(rows[0]!.max);
    } finally {
      await target.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  }, 300_000);
});
