// Catalog constants shared by browser components and the zod schemas (browser bundles must not build zod schemas).

/** Mirrors the Prisma `ProductType` enum (product.md §1). */
export const PRODUCT_TYPES = ["SHARED_HOSTING", "RESELLER_HOSTING", "SERVER", "DOMAIN", "SSL_CERTIFICATE", "LICENCE", "OTHER"] as const;

/** The product form's field names for option choices, read back by addToCartAction: "option:<option ID>". */
export const OPTION_FIELD_PREFIX = "option:";
export const optionFieldName = (optionId: string) => `${OPTION_FIELD_PREFIX}${optionId}`;
