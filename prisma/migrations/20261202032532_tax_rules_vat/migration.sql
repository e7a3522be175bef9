-- CreateEnum
CREATE TYPE "VatNumberStatus" AS ENUM ('VALID', 'INVALID', 'UNAVAILABLE');

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "taxNotes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable: the single basis-point rate becomes the list of taxes on the line (existing lines keep theirs).
ALTER TABLE "InvoiceLine" ADD COLUMN     "taxes" JSONB NOT NULL DEFAULT '[]';
UPDATE "InvoiceLine" SET "taxes" = jsonb_build_array(jsonb_build_object(
  'name', "taxName", 'rate', trim_scale(("taxBasisPoints" / 100.0)::numeric)::text, 'amountCents', "taxCents"))
  WHERE "taxName" IS NOT NULL;
ALTER TABLE "InvoiceLine" DROP COLUMN "taxBasisPoints";

-- AlterTable: basis points (1/10,000) become millionths (1/1,000,000), so 9.975 % is exact; existing rules keep their rate.
ALTER TABLE "TaxRule" ADD COLUMN     "compound" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "level" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "productTypes" "ProductType"[] DEFAULT ARRAY[]::"ProductType"[],
ADD COLUMN     "rateMillionths" INTEGER;
UPDATE "TaxRule" SET "rateMillionths" = "rateBasisPoints" * 100;
ALTER TABLE "TaxRule" ALTER COLUMN "rateMillionths" SET NOT NULL,
DROP COLUMN "rateBasisPoints";

-- CreateTable
CREATE TABLE "VatNumber" (
    "id" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "number" TEXT NOT NULL,
    "status" "VatNumberStatus" NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VatNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VatCheck" (
    "id" TEXT NOT NULL,
    "vatNumberId" TEXT NOT NULL,
    "result" "VatNumberStatus" NOT NULL,
    "consultationNumber" TEXT,
    "requesterVatNumber" TEXT NOT NULL DEFAULT '',
    "errorCode" TEXT,
    "traderName" TEXT,
    "traderAddress" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VatCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VatNumber_country_number_key" ON "VatNumber"("country", "number");

-- CreateIndex
CREATE INDEX "VatCheck_vatNumberId_checkedAt_idx" ON "VatCheck"("vatNumberId", "checkedAt");

-- AddForeignKey
ALTER TABLE "VatCheck" ADD CONSTRAINT "VatCheck_vatNumberId_fkey" FOREIGN KEY ("vatNumberId") REFERENCES "VatNumber"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

