"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "./button";

export const SignOutButton = ({ callbackUrl }: { callbackUrl: string }) => {
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
      Sign Out
    </Button>
  );
};
