const StorefrontLoading = () => (
  <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-sm text-slate-600">
    <span aria-hidden className="size-5 animate-spin rounded-full border-2 border-brand-100 border-t-brand-600" />
    Loading…
  </div>
);

export default StorefrontLoading;
