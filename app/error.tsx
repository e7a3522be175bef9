"use client";

import { Button } from "@/components/ui/button";

// Unexpected errors: a generic message for the user; the details were logged on the server.
const ErrorPage = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <main className="mx-auto mt-24 max-w-lg px-4 text-center">
    <h1 className="text-2xl font-bold">Something went wrong</h1>
    <p className="mt-2 text-slate-600">
      We could not complete this request. Please try again; if it keeps happening, contact support.
    </p>
    <Button className="mt-6" onClick={reset}>
      Try Again
    </Button>
  </main>
);

export default ErrorPage;
