"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The storefront's error boundary (the catalog pages', the cart's and checkout's error.tsx): inside their layout,
 * so it speaks the page's language. Never shows error details; the server log has them.
 */
export const StorefrontError = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => {
  const t = useTranslations("Nav");
  return (
    <div className="space-y-4">
      <Alert tone="error">{t("storefrontError")}</Alert>
      <Button variant="secondary" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </div>
  );
};
