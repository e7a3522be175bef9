"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { TVisitor } from "@/server/storefront/read-visitor";

const LINK = "text-slate-700 hover:text-brand-700";

const fetchVisitor = async (): Promise<TVisitor> => {
  const response = await fetch("/api/storefront/visitor", { cache: "no-store" });
  if (!response.ok) throw new Error(`visitor: HTTP ${response.status}`);
  return (await response.json()) as TVisitor;
};

/**
 * The personal links of the storefront header, filled in the browser after load: the cached pages are the
 * same bytes for everyone, so they carry the anonymous state ("Cart", "Sign In"). Nothing moves when the
 * answer arrives: the count has a reserved slot, and both account links share one grid cell sized to the
 * wider of them, the other one `invisible` (hidden from
 * assistive technology and the tab order). Fetched again on every navigation, so the count follows the cart.
 */
export const VisitorNav = () => {
  const t = useTranslations("Nav");
  const pathname = usePathname();
  const { data } = useQuery({ queryKey: ["storefront-visitor", pathname], queryFn: fetchVisitor, staleTime: 0, retry: false });
  const count = data?.cartCount ?? 0;
  const isClient = data?.isClient ?? false;
  return (
    <>
      <li>
        <Link href="/cart" className={LINK} aria-label={count > 0 ? t("cartWithCount", { count }) : t("cart")}>
          {t("cart")}
          <span aria-hidden="true" className="ml-1 inline-block min-w-6 rounded-full text-center text-xs tabular-nums data-[filled=true]:bg-brand-600 data-[filled=true]:text-white" data-filled={count > 0}>
            {count > 0 ? count : ""}
          </span>
        </Link>
      </li>
      <li className="grid">
        <Link href="/client" className={`${LINK} [grid-area:1/1] ${isClient ? "" : "invisible"}`}>
          {t("clientArea")}
        </Link>
        <Link href="/login" className={`${LINK} [grid-area:1/1] ${isClient ? "invisible" : ""}`}>
          {t("signIn")}
        </Link>
      </li>
    </>
  );
};
