import "server-only";
import { ENGLISH_DOCUMENT_TEXT, type TDocumentText } from "@/server/i18n/document-text";
import type { TOfferLine, TOfferLineKind } from "@/server/catalog/offer-lines";
import type { DbClient } from "@/server/db";
import { applyBasisPoints } from "@/server/money/money";

/** What a client group's discount applies to: the recurring prices (product, add-ons, options), not setup fees. */
const ELIGIBLE_KINDS: ReadonlySet<TOfferLineKind> = new Set(["PRODUCT", "ADDON", "OPTION"]);

/** What the discount needs of the client's group (the signed-in checkout reads it with the account). */
const CLIENT_GROUP_DISCOUNT_SELECT = { name: true, discountBasisPoints: true } as const;
export type TClientGroupDiscount = { name: string; discountBasisPoints: number };

/**
 * Clients → Client Groups: a client in a group with a discount gets, after each eligible line, a discount line
 * ("Client group discount (Resellers, 12.5 %)") rounded once per line and taxed like the line it reduces. Runs
 * before a promo code, which applies to the catalog price of the same lines. No client (a new account) or no
 * group: the items as they are. `clientGroup`: the client's group as the caller read it in the same transaction
 * (null: none); absent: read here.
 */
export const applyClientGroupDiscount = async <I extends { lines: readonly TOfferLine[] }>(
  {
    items, clientId, clientGroup, text = ENGLISH_DOCUMENT_TEXT,
  }: { items: readonly I[]; clientId: string | null; clientGroup?: TClientGroupDiscount | null; text?: TDocumentText },
  client: DbClient,
): Promise<readonly I[]> => {
  if (!clientId) return items;
  const group =
    clientGroup !== undefined
      ? clientGroup
      : (await client.client.findUnique({ where: { id: clientId }, select: { clientGroup: { select: CLIENT_GROUP_DISCOUNT_SELECT } } }))?.clientGroup;
  if (!group || group.discountBasisPoints <= 0) return items;
  return items.map((item) => ({
    ...item,
    lines: item.lines.flatMap((line): TOfferLine[] => {
      const discountCents = ELIGIBLE_KINDS.has(line.kind) ? applyBasisPoints(line.amountCents, group.discountBasisPoints) : 0;
      return discountCents > 0 ? [line, { kind: "DISCOUNT", description: text.groupDiscount(group.name, group.discountBasisPoints, line.description), amountCents: -discountCents }] : [line];
    }),
  }));
};
