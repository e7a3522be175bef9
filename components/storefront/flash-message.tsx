"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";

/**
 * A message a redirect asked for with `?error=<code>`, on a cached page (which cannot read the query on the
 * server). Only the fixed texts of `messages` are shown, never the query's own text. It appears after hydration
 * in a fixed layer over the top of the page, so it moves nothing on the page when it appears.
 */
export const FlashMessage = ({ messages }: { messages: Record<string, string> }) => {
  const t = useTranslations("Nav");
  const code = useSearchParams().get("error");
  const [dismissed, setDismissed] = useState<string | null>(null);
  const text = code && Object.hasOwn(messages, code) ? messages[code] : undefined;
  if (!text || dismissed === code) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 top-16 z-20 flex justify-center px-4">
      <div className="pointer-events-auto w-full max-w-xl shadow-lg">
        <Alert tone="error">
          <span className="flex items-start justify-between gap-4">
            <span>{text}</span>
            <button type="button" onClick={() => setDismissed(code)} className="font-semibold underline hover:no-underline">
              {t("dismiss")}
            </button>
          </span>
        </Alert>
      </div>
    </div>
  );
};
