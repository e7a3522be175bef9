import { useTranslations } from "next-intl";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

// NOTE: the same page for a record that does not exist and one that belongs to another client.
const ClientAreaNotFound = () => {
  const t = useTranslations("ClientArea");
  return (
    <EmptyState title={t("notFound")}>
      <Link href="/client" className="font-medium text-brand-700 underline">
        {t("backToDashboard")}
      </Link>
    </EmptyState>
  );
};

export default ClientAreaNotFound;
