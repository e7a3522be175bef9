import "server-only";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { invalidateStorefrontCatalog } from "../storefront-catalog-cache";
import {
  ZCreateAddonInput,
  ZCreateCurrencyInput,
  ZCreateProductGroupInput,
  ZCreateProductInput,
  ZDeleteConfigOptionInput,
  ZMoveProductGroupInput,
  ZSaveConfigOptionInput,
  ZUpdateAddonInput,
  ZUpdateCurrencyInput,
  ZUpdatePriceInput,
  ZUpdateProductGroupInput,
  ZUpdateProductInput,
} from "./catalog-admin.schemas";
import { createProductGroup } from "./create-product-group";
import { deleteConfigOption } from "./delete-config-option";
import { moveProductGroup } from "./move-product-group";
import { saveAddon } from "./save-addon";
import { saveConfigOption } from "./save-config-option";
import { createCurrency } from "./create-currency";
import { saveProduct } from "./save-product";
import { updatePrice } from "./update-price";
import { updateCurrency } from "./update-currency";
import { updateProductGroup } from "./update-product-group";

const write = staffProcedure("catalog.write");

/**
 * Runs a catalog change, then invalidates the cached storefront pages: each use case owns its transaction, so
 * when it returns the change has committed (invalidating earlier could let a render re-cache the old rows).
 */
const thenInvalidate = async <T>(change: Promise<T>) => {
  const result = await change;
  invalidateStorefrontCatalog();
  return result;
};

/** Staff catalog changes (Admin → Products, Admin → Currencies). Each is audited in its own transaction. */
export const catalogAdminRouter = createTRPCRouter({
  updatePrice: write.input(ZUpdatePriceInput).mutation(({ input, ctx }) => thenInvalidate(updatePrice({ ...input, staffId: ctx.principal.staffId }))),
  createGroup: write.input(ZCreateProductGroupInput).mutation(({ input, ctx }) => thenInvalidate(createProductGroup({ ...input, staffId: ctx.principal.staffId }))),
  updateGroup: write.input(ZUpdateProductGroupInput).mutation(({ input, ctx }) => thenInvalidate(updateProductGroup({ ...input, staffId: ctx.principal.staffId }))),
  moveGroup: write.input(ZMoveProductGroupInput).mutation(({ input, ctx }) => thenInvalidate(moveProductGroup({ ...input, staffId: ctx.principal.staffId }))),
  createProduct: write.input(ZCreateProductInput).mutation(({ input, ctx }) => thenInvalidate(saveProduct({ ...input, staffId: ctx.principal.staffId }))),
  updateProduct: write.input(ZUpdateProductInput).mutation(({ input, ctx }) => thenInvalidate(saveProduct({ ...input, staffId: ctx.principal.staffId }))),
  createAddon: write.input(ZCreateAddonInput).mutation(({ input, ctx }) => thenInvalidate(saveAddon({ ...input, staffId: ctx.principal.staffId }))),
  updateAddon: write.input(ZUpdateAddonInput).mutation(({ input, ctx }) => thenInvalidate(saveAddon({ ...input, staffId: ctx.principal.staffId }))),
  saveOption: write.input(ZSaveConfigOptionInput).mutation(({ input, ctx }) => thenInvalidate(saveConfigOption({ ...input, staffId: ctx.principal.staffId }))),
  deleteOption: write.input(ZDeleteConfigOptionInput).mutation(({ input, ctx }) => thenInvalidate(deleteConfigOption({ ...input, staffId: ctx.principal.staffId }))),
  createCurrency: write.input(ZCreateCurrencyInput).mutation(({ input, ctx }) => thenInvalidate(createCurrency({ ...input, staffId: ctx.principal.staffId }))),
  updateCurrency: write.input(ZUpdateCurrencyInput).mutation(({ input, ctx }) => thenInvalidate(updateCurrency({ ...input, staffId: ctx.principal.staffId }))),
});
