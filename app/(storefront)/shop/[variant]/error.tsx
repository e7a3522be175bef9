"use client";

export { StorefrontError as default } from "@/components/storefront/storefront-error";
