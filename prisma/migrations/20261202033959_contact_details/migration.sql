-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "county" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "emailActions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "fax" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "mobile" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "permissions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "phone2" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "username" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Contact_username_key" ON "Contact"("username");

