-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "header" TEXT NOT NULL DEFAULT '';

