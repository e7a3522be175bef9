"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// NOTE: never shows error details to the client; the server log has them (error.digest links the two).
const ClientAreaError = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => {
  const t = useTranslations("ClientArea");
  return (
    <div className="space-y-4">
      <Alert tone="error">{t("loadError")}</Alert>
      <Button variant="secondary" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </div>
  );
};

export default ClientAreaError;
