import "server-only";
import { type DbClient, db } from "@/server/db";
import { getTaxSettings } from "@/server/tax/tax-settings";

export const listBrands = async (client: DbClient = db) =>
  client.brand.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], include: { _count: { select: { clients: true } } } });

export const findBrand = async ({ id }: { id: string }, client: DbClient = db) => client.brand.findUnique({ where: { id } });

/** The brand a client sees: its own, else the default (null only before any brand exists). */
// NOTE: one statement (every order reads it twice, for the invoice header and the mail sender): the client's
// brand sorts before the default one (isDefault false first), and is the default itself when it is that brand.
export const brandOfClient = async ({ clientId }: { clientId: string }, client: DbClient = db) =>
  client.brand.findFirst({ where: { OR: [{ clients: { some: { id: clientId } } }, { isDefault: true }] }, orderBy: { isDefault: "asc" } });

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
