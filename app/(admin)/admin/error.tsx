"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Unexpected errors inside the admin frame: a generic message; the details were logged on the server.
const AdminError = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <div className="space-y-4">
    <Alert tone="error">This page could not be loaded. Please try again; if it keeps happening, check the server log.</Alert>
    <Button onClick={reset}>Try Again</Button>
  </div>
);

export default AdminError;
