"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

export const SignOutButton = ({ callbackUrl }: { callbackUrl: string }) => {
  const t = useTranslations("Nav");
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="ghost"
      isPending={isPending}
      onClick={() => {
        setIsPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {t("signOut")}
    </Button>
  );
};
