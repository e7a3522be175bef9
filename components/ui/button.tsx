import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/60",
  ghost: "text-slate-700 hover:bg-slate-100",
};

const BASE =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";

export const buttonClass = (variant: Variant = "primary", className?: string) => cn(BASE, VARIANTS[variant], className);

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; isPending?: boolean };

/** While `isPending`, the button is disabled and shows a spinner; its accessible name stays the same. */
export const Button = ({ variant = "primary", isPending = false, className, children, disabled, ...props }: ButtonProps) => (
  <button
    type="button"
    {...props}
    disabled={disabled || isPending}
    aria-busy={isPending || undefined}
    className={buttonClass(variant, className)}
  >
    {isPending && (
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
    )}
    {children}
  </button>
);

export const ButtonLink = ({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) => (
  <Link {...props} className={buttonClass(variant, className)} />
);
