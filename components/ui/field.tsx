import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import { cn } from "./cn";

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 aria-invalid:border-red-500";

type FieldShellProps = { label: string; error?: string; hint?: string; id: string; children: ReactNode; className?: string };

const FieldShell = ({ label, error, hint, id, children, className }: FieldShellProps) => (
  <div className={cn("space-y-1", className)}>
    <label htmlFor={id} className="block text-sm font-medium text-slate-700">
      {label}
    </label>
    {children}
    {hint && !error && (
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
    )}
    {error && (
      <p id={`${id}-error`} className="text-sm text-red-600">
        {error}
      </p>
    )}
  </div>
);

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A labelled input whose error is announced with it (aria-describedby), as screen readers expect. */
export const TextField = ({ label, error, hint, id, className, ...props }: TextFieldProps) => {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell label={label} error={error} hint={hint} id={inputId} className={className}>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        className={CONTROL}
        {...props}
      />
    </FieldShell>
  );
};

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string;
  options: readonly { value: string; label: string }[];
};

export const SelectField = ({ label, error, options, id, className, ...props }: SelectFieldProps) => {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <FieldShell label={label} error={error} id={selectId} className={className}>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-error` : undefined}
        className={CONTROL}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
};

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: string };

/** A labelled multi-line text box, with the same error and hint wiring as TextField. */
export const TextAreaField = ({ label, error, hint, id, className, ...props }: TextAreaFieldProps) => {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell label={label} error={error} hint={hint} id={inputId} className={className}>
      <textarea
        id={inputId}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        className={CONTROL}
        {...props}
      />
    </FieldShell>
  );
};
