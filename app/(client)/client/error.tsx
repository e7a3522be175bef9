"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// NOTE: never shows error details to the client; the server log has them (error.digest links the two).
const ClientAreaError = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <div className="space-y-4">
    <Alert tone="error">Something went wrong while loading this page. Please try again.</Alert>
    <Button variant="secondary" onClick={reset}>
      Try Again
    </Button>
  </div>
);

export default ClientAreaError;
