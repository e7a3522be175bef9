"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const StorefrontError = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <div className="space-y-4">
    <Alert tone="error">Something went wrong on our side. Please try again; your cart is kept.</Alert>
    <Button variant="secondary" onClick={reset}>
      Try Again
    </Button>
  </div>
);

export default StorefrontError;
