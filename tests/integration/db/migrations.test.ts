import { describe, expect, it } from "vitest";
import { db } from "@/server/db";

describe("migrations", () => {
  it("records every committed migration as prisma migrate deploy does", async () => {
    const rows = await db.$queryRawUnsafe<{ migration_name: string; applied_steps_count: number }[]>(
      `SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.applied_steps_count === 1)).toBe(true);
    expect(await db.currency.count()).toBe(0);
  });
});
