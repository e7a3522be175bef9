"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** A submit button for server-action forms: shows the pending state while the action runs. */
export const SubmitButton = ({
  children,
  variant = "primary",
  className,
  "aria-label": ariaLabel,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  "aria-label"?: string;
}) => {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} isPending={pending} className={className} aria-label={ariaLabel}>
      {children}
    </Button>
  );
};
