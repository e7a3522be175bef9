-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "extras" JSONB NOT NULL DEFAULT '{}';

