"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

type CancelRunDialogProps = { isOpen: boolean; onConfirm: () => void; onClose: () => void };

/**
 * The confirm step before Cancel. A native modal <dialog> gives focus trapping, Escape to close and an
 * inert page behind it for free; "Keep Running" takes the first focus so Enter never cancels by accident.
 */
export const CancelRunDialog = ({ isOpen, onConfirm, onClose }: CancelRunDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          Cancel this run?
        </h2>
        <p id={descriptionId} className="mt-2 text-sm text-slate-600">
          The run stops for good: its sleeps, waits and retries are dropped and no further step runs. Steps that already
          ran are not undone. You can start it again later with Retry.
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" autoFocus onClick={onClose}>
            Keep Running
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            Yes, Cancel Run
          </Button>
        </div>
      </div>
    </dialog>
  );
};
