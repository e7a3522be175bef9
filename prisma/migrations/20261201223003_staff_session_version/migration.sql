-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

