-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "serverReply" TEXT,
ADD COLUMN     "status" "MailStatus" NOT NULL DEFAULT 'QUEUED';

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");


-- Mails queued before this migration were never sent (no sender existed). They stay QUEUED with no
-- nextAttemptAt, i.e. held: configuring SMTP later does not send old order confirmations by surprise;
-- staff resend the ones that matter from Admin → Settings → Mail Outbox.
UPDATE "OutboxMail" SET "status" = 'SENT' WHERE "sentAt" IS NOT NULL;
