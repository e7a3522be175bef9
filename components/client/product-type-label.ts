const PRODUCT_TYPE_LABELS: Record<string, string> = {
  SHARED_HOSTING: "Shared Hosting",
  RESELLER_HOSTING: "Reseller Hosting",
  SERVER: "VPS / Server",
  DOMAIN: "Domain Registration",
  SSL_CERTIFICATE: "SSL Certificate",
  LICENCE: "Licence",
  OTHER: "Other Service",
};

export const productTypeLabel = (type: string) => PRODUCT_TYPE_LABELS[type] ?? type;
