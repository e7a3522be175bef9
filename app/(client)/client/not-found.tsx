import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

// NOTE: the same page for a record that does not exist and one that belongs to another client.
const ClientAreaNotFound = () => (
  <EmptyState title="We could not find that page in your account.">
    <Link href="/client" className="font-medium text-brand-700 underline">
      Back to the dashboard
    </Link>
  </EmptyState>
);

export default ClientAreaNotFound;
