import type { TLocale } from "@/lib/i18n/locales.mjs";
import type { TMessages } from "@/lib/i18n/messages";

// Typed message keys: t("Storefront.nonexistent") is a compile error, not a key shown to the visitor.
declare module "next-intl" {
  interface AppConfig {
    Locale: TLocale;
    Messages: TMessages;
  }
}
