-- AlterTable
ALTER TABLE "InngestJob" ADD COLUMN     "claimToken" TEXT;

