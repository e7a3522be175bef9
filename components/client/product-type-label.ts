import en from "@/lib/i18n/messages/en.json";

// The English names (the admin area's); the client area reads them from the message catalogs.
const PRODUCT_TYPE_LABELS: Record<string, string> = en.ClientArea.productTypes;

export const productTypeLabel = (type: string) => PRODUCT_TYPE_LABELS[type] ?? type;
