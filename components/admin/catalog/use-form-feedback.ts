"use client";

import { useState } from "react";

type TServerError = { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null };

/**
 * The message line and the server's field errors of a catalog form: a tRPC error fills both (the procedures
 * answer "Please correct the highlighted fields." with fieldErrors), a success shows its text.
 */
export const useFormFeedback = () => {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  return {
    message,
    fieldErrors,
    reset: () => {
      setMessage(null);
      setFieldErrors({});
    },
    fail: (text: string, errors: Record<string, string | undefined> = {}) => {
      setFieldErrors(errors);
      setMessage({ tone: "error", text });
    },
    succeed: (text: string) => {
      setFieldErrors({});
      setMessage({ tone: "success", text });
    },
    onServerError: (error: TServerError) => {
      const errors = Object.fromEntries(Object.entries(error.data?.fieldErrors ?? {}).map(([field, messages]) => [field, messages?.[0]]));
      setFieldErrors(errors);
      setMessage({ tone: "error", text: error.message });
    },
  };
};
