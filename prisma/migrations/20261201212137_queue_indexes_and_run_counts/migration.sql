-- DropIndex
DROP INDEX "InngestEvent_receivedAt_idx";

-- DropIndex
DROP INDEX "InngestRun_functionId_status_idx";

-- DropIndex
DROP INDEX "InngestRun_status_createdAt_idx";

-- DropIndex
DROP INDEX "InngestRun_createdAt_idx";

-- CreateTable
CREATE TABLE "InngestRunCount" (
    "functionId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "InngestRunCount_pkey" PRIMARY KEY ("functionId","status","shard")
);

-- CreateIndex
CREATE INDEX "InngestEvent_receivedAt_id_idx" ON "InngestEvent"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "InngestRun_status_id_idx" ON "InngestRun"("status", "id");

-- CreateIndex
CREATE INDEX "InngestRun_functionId_id_idx" ON "InngestRun"("functionId", "id");

-- CreateIndex
CREATE INDEX "InngestRun_functionId_status_id_idx" ON "InngestRun"("functionId", "status", "id");

-- CreateIndex
CREATE INDEX "InngestRun_endedAt_idx" ON "InngestRun"("endedAt");


-- Hand-written below: what the Prisma schema cannot express.

-- The System Queue's recent events hide the executor's own lifecycle events (`inngest/…`); without this
-- partial index a page of app events would scan past every lifecycle event received since.
CREATE INDEX "InngestEvent_app_receivedAt_id_idx" ON "InngestEvent"("receivedAt", "id") WHERE "name" NOT LIKE 'inngest/%';

-- Ended-run counters: InngestRunCount holds how many runs ended per (function, status, shard). Triggers keep
-- it in the very statement that ends, moves or deletes a run, so no code path (executor, staff action,
-- retention, a test poking rows) can forget it. Active runs are never counted here: they change status
-- all the time and are few, so the System Queue derives their display status live.
-- The shard (8 per key, from the run id) spreads runs ending at the same moment over different rows, so
-- concurrent finalisations rarely wait on each other's counter row lock. Readers always sum over the shards,
-- so totals stay right whichever shard a run maps to.
CREATE FUNCTION "InngestRunCount_add_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "InngestRunCount" AS c ("functionId", "status", "shard", "count")
  SELECT "functionId", "status", hashtext("id") & 7, count(*)::int FROM new_rows
  WHERE "status" IN ('COMPLETED', 'FAILED', 'CANCELLED')
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("functionId", "status", "shard") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE FUNCTION "InngestRunCount_subtract_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "InngestRunCount" c SET "count" = c."count" - d.n
  FROM (
    SELECT "functionId", "status", hashtext("id") & 7 AS shard, count(*)::int AS n FROM old_rows
    WHERE "status" IN ('COMPLETED', 'FAILED', 'CANCELLED') GROUP BY 1, 2, 3
  ) d
  WHERE c."functionId" = d."functionId" AND c."status" = d."status" AND c."shard" = d.shard;
  RETURN NULL;
END $$;

CREATE FUNCTION "InngestRunCount_move_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN
    UPDATE "InngestRunCount" SET "count" = "count" - 1
    WHERE "functionId" = OLD."functionId" AND "status" = OLD."status" AND "shard" = hashtext(OLD."id") & 7;
  END IF;
  IF NEW."status" IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN
    INSERT INTO "InngestRunCount" AS c ("functionId", "status", "shard", "count")
    VALUES (NEW."functionId", NEW."status", hashtext(NEW."id") & 7, 1)
    ON CONFLICT ("functionId", "status", "shard") DO UPDATE SET "count" = c."count" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "InngestRunCount_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "InngestRunCount";
  RETURN NULL;
END $$;

-- Inserts and deletes: statement-level, one grouped upsert over the statement's rows (retention deletes
-- thousands of runs per statement, a bulk load inserts millions).
-- Updates: row-level, filtered in C by WHEN, so the executor's many RUNNING <-> WAITING and stack updates
-- never even call the function (a statement-level update trigger measured as a visible cost on every one of
-- them), and ending a run is always a one-row statement.
-- WARNING: a hand-run bulk UPDATE of status or "functionId" over many ended runs in ONE transaction updates
-- the same few counter rows once per run, and each update walks every version left before it: do such data
-- fixes in batches of a few thousand runs per transaction.
CREATE TRIGGER "InngestRun_count_insert" AFTER INSERT ON "InngestRun"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "InngestRunCount_add_inserted"();
CREATE TRIGGER "InngestRun_count_delete" AFTER DELETE ON "InngestRun"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "InngestRunCount_subtract_deleted"();
CREATE TRIGGER "InngestRun_count_update" AFTER UPDATE OF "status", "functionId" ON "InngestRun" FOR EACH ROW
  WHEN ((OLD."status" IS DISTINCT FROM NEW."status" OR OLD."functionId" IS DISTINCT FROM NEW."functionId")
    AND (OLD."status" IN ('COMPLETED', 'FAILED', 'CANCELLED') OR NEW."status" IN ('COMPLETED', 'FAILED', 'CANCELLED')))
  EXECUTE FUNCTION "InngestRunCount_move_updated"();
CREATE TRIGGER "InngestRun_count_truncate" AFTER TRUNCATE ON "InngestRun"
  FOR EACH STATEMENT EXECUTE FUNCTION "InngestRunCount_clear"();

-- Runs that ended before this migration.
INSERT INTO "InngestRunCount" ("functionId", "status", "shard", "count")
SELECT "functionId", "status", hashtext("id") & 7, count(*)::int FROM "InngestRun"
WHERE "status" IN ('COMPLETED', 'FAILED', 'CANCELLED') GROUP BY 1, 2, 3;
