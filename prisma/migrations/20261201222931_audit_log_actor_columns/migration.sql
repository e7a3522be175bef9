-- Audit log: who did it (any kind of actor), what changed (before/after), from where (ip, user agent),
-- indexes for the Admin → Audit Log filters (keyset paging by createdAt, id), and append-only enforcement.

-- CreateEnum
CREATE TYPE "AuditActorKind" AS ENUM ('STAFF', 'CONTACT', 'API_KEY', 'SYSTEM');

-- DropForeignKey: a staff member with history is deactivated, never deleted (SET NULL would rewrite rows).
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_staffId_fkey";

-- DropIndex
DROP INDEX "AuditLog_entityType_entityId_idx";

-- AlterTable: new columns nullable first, so existing rows can be backfilled before NOT NULL applies.
ALTER TABLE "AuditLog" ADD COLUMN     "actorId" TEXT,
ADD COLUMN     "actorKind" "AuditActorKind",
ADD COLUMN     "actorLabel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "after" JSONB,
ADD COLUMN     "before" JSONB,
ADD COLUMN     "ip" TEXT,
ADD COLUMN     "userAgent" TEXT;

-- Existing rows: a staff id means a staff actor; otherwise the interim writer kept the actor in details.
UPDATE "AuditLog" AS a SET
  "actorKind" = CASE
    WHEN a."staffId" IS NOT NULL THEN 'STAFF'::"AuditActorKind"
    WHEN a."details"->'actor'->>'kind' = 'contact' THEN 'CONTACT'::"AuditActorKind"
    WHEN a."details"->'actor'->>'kind' = 'api-key' THEN 'API_KEY'::"AuditActorKind"
    ELSE 'SYSTEM'::"AuditActorKind" END,
  "actorId" = COALESCE(a."staffId", a."details"->'actor'->>'contactId', a."details"->'actor'->>'apiKeyId',
    a."details"->'actor'->>'name', 'system'),
  "actorLabel" = COALESCE((SELECT s."name" || ' <' || s."email" || '>' FROM "Staff" s WHERE s."id" = a."staffId"), ''),
  "before" = a."details"->'before',
  "after" = a."details"->'after',
  "ip" = a."details"->'request'->>'ip',
  "userAgent" = a."details"->'request'->>'userAgent',
  "details" = NULLIF(a."details" - 'actor' - 'before' - 'after' - 'request', '{}'::jsonb);

ALTER TABLE "AuditLog" ALTER COLUMN "actorId" SET NOT NULL, ALTER COLUMN "actorKind" SET NOT NULL;

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_createdAt_id_idx" ON "AuditLog"("entityType", "entityId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_actorKind_actorId_createdAt_id_idx" ON "AuditLog"("actorKind", "actorId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_id_idx" ON "AuditLog"("action", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_id_idx" ON "AuditLog"("createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only: history must not be rewritten by the app, a bug or a compromised staff account. TRUNCATE is
-- a statement-level operation these row triggers do not see (the test harness empties tables that way);
-- the app never truncates.
CREATE FUNCTION "audit_log_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_log_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_reject_change"();
