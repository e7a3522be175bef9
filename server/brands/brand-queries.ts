import "server-only";
import { type DbClient, db } from "@/server/db";
import { getTaxSettings } from "@/server/tax/tax-settings";

export const listBrands = async (client: DbClient = db) =>
  client.brand.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], include: { _count: { select: { clients: true } } } });

export const findBrand = async ({ id }: { id: string }, client: DbClient = db) => client.brand.findUnique({ where: { id } });

/** The brand a client sees: its own, else the default (null only before any brand exists). */
type TBrandRow = { id: string; name: string; isDefault: boolean; logoUrl: string; primaryColor: string; senderName: string; senderEmail: string; invoiceHeader: string; createdAt: Date };

// NOTE: one plain statement, because every order and invoice reads it: the client's own brand sorts before the
// default one (isDefault false first), and is the default itself when it is that brand. A Prisma findFirst with
// the relation filter cost about four times the CPU in its query planning (issue #9).
export const brandOfClient = async ({ clientId }: { clientId: string }, client: DbClient = db): Promise<TBrandRow | null> => {
  const [brand] = await client.$queryRawUnsafe<TBrandRow[]>(
    `SELECT b.id, b.name, b."isDefault", b."logoUrl", b."primaryColor", b."senderName", b."senderEmail", b."invoiceHeader", b."createdAt"
     FROM "Brand" b
     WHERE b.id = (SELECT c."brandId" FROM "Client" c WHERE c.id = $1) OR b."isDefault"
     ORDER BY b."isDefault" ASC
     LIMIT 1`,
    clientId,
  );
  return brand ?? null;
};

type TClientBrand = Awaited<ReturnType<typeof brandOfClient>>;

const invoiceHeaderOf = async (brand: TClientBrand, client: DbClient) => {
  if (brand?.invoiceHeader) return brand.invoiceHeader;
  const { seller } = await getTaxSettings(client);
  return [seller.companyName, seller.address, seller.vatNumber && `VAT number: ${seller.vatNumber}`].filter(Boolean).join("\n");
};

const mailFromOf = (brand: TClientBrand) => {
  if (!brand?.senderEmail) return null;
  return brand.senderName ? `"${brand.senderName}" <${brand.senderEmail}>` : brand.senderEmail;
};

/**
 * The seller block at the top of a client's invoices: its brand's invoice header, else the seller settings
 * (Admin → Settings): name, address and VAT number lines.
 */
export const invoiceHeaderForClient = async ({ clientId }: { clientId: string }, client: DbClient = db) => invoiceHeaderOf(await brandOfClient({ clientId }, client), client);

/** The From header of a client's mails, from its brand; null: the installation's MAIL_FROM. */
export const mailFromForClient = async ({ clientId }: { clientId: string }, client: DbClient = db) => mailFromOf(await brandOfClient({ clientId }, client));

/** Both from one read of the brand, for a use case that issues an invoice and mails it (an order). */
export const brandDocumentsForClient = async ({ clientId }: { clientId: string }, client: DbClient = db) => {
  const brand = await brandOfClient({ clientId }, client);
  return { invoiceHeader: await invoiceHeaderOf(brand, client), mailFrom: mailFromOf(brand) };
};
