import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/** Says which stored cart lines were dropped because the catalog no longer offers them. */
export const DroppedItemsNotice = ({ droppedCount }: { droppedCount: number }) => {
  const t = useTranslations("Storefront");
  return droppedCount > 0 ? <Alert tone="info">{t("droppedItems", { count: droppedCount })}</Alert> : null;
};
