type QueueError = { name: string; message: string; stack: string | null };

/** A serialized error: its name and message up front, the stack trace behind a disclosure. */
export const ErrorBlock = ({ error }: { error: QueueError }) => (
  <div className="rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
    <p className="break-words">
      <span className="font-semibold">{error.name}:</span> {error.message}
    </p>
    {error.stack && (
      <details className="mt-2">
        <summary className="cursor-pointer text-xs font-medium text-red-800">Stack trace</summary>
        <pre tabIndex={0} aria-label="Stack trace" className="mt-2 max-h-64 overflow-auto whitespace-pre font-mono text-xs">
          {error.stack}
        </pre>
      </details>
    )}
  </div>
);
