-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "whoisContact" JSONB;

