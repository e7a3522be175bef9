import { Alert } from "@/components/ui/alert";

/** Says which stored cart lines were dropped because the catalog no longer offers them. */
export const DroppedItemsNotice = ({ droppedCount }: { droppedCount: number }) =>
  droppedCount > 0 ? (
    <Alert tone="info">
      {droppedCount === 1
        ? "One item in your cart is no longer available and has been removed."
        : `${droppedCount} items in your cart are no longer available and have been removed.`}
    </Alert>
  ) : null;
