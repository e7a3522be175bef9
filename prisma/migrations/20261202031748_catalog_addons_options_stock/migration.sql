-- CreateEnum
CREATE TYPE "ConfigOptionKind" AS ENUM ('DROPDOWN', 'QUANTITY', 'YES_NO');

-- AlterTable
ALTER TABLE "Currency" ADD COLUMN     "exchangeRate" DECIMAL(18,8) NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "stockCount" INTEGER,
ADD COLUMN     "welcomeEmailText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Addon" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "isHidden" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Addon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AddonPrice" (
    "id" TEXT NOT NULL,
    "addonId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "cycle" "BillingCycle" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "setupFeeCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AddonPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigOption" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "ConfigOptionKind" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "minQuantity" INTEGER,
    "maxQuantity" INTEGER,
    "stepQuantity" INTEGER,

    CONSTRAINT "ConfigOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigOptionValue" (
    "id" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConfigOptionValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigOptionPrice" (
    "id" TEXT NOT NULL,
    "valueId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "cycle" "BillingCycle" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "setupFeeCents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConfigOptionPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AddonToProduct" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AddonToProduct_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Addon_slug_key" ON "Addon"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "AddonPrice_addonId_currency_cycle_key" ON "AddonPrice"("addonId", "currency", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigOption_productId_slug_key" ON "ConfigOption"("productId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigOptionValue_optionId_slug_key" ON "ConfigOptionValue"("optionId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigOptionPrice_valueId_currency_cycle_key" ON "ConfigOptionPrice"("valueId", "currency", "cycle");

-- CreateIndex
CREATE INDEX "_AddonToProduct_B_index" ON "_AddonToProduct"("B");

-- AddForeignKey
ALTER TABLE "AddonPrice" ADD CONSTRAINT "AddonPrice_addonId_fkey" FOREIGN KEY ("addonId") REFERENCES "Addon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AddonPrice" ADD CONSTRAINT "AddonPrice_currency_fkey" FOREIGN KEY ("currency") REFERENCES "Currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigOption" ADD CONSTRAINT "ConfigOption_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigOptionValue" ADD CONSTRAINT "ConfigOptionValue_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "ConfigOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigOptionPrice" ADD CONSTRAINT "ConfigOptionPrice_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "ConfigOptionValue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigOptionPrice" ADD CONSTRAINT "ConfigOptionPrice_currency_fkey" FOREIGN KEY ("currency") REFERENCES "Currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AddonToProduct" ADD CONSTRAINT "_AddonToProduct_A_fkey" FOREIGN KEY ("A") REFERENCES "Addon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AddonToProduct" ADD CONSTRAINT "_AddonToProduct_B_fkey" FOREIGN KEY ("B") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

