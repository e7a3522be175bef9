"use client";

import { cn } from "@/components/ui/cn";
import { RUN_DISPLAY_STATUSES, RUN_STATUS_LABELS, RUN_STATUS_TONES, type TRunDisplayStatus } from "./run-status";
import type { TRunStatusCounts } from "./types";

type StatusTilesProps = {
  counts: TRunStatusCounts | undefined;
  selected: TRunDisplayStatus | undefined;
  onSelect: (status: TRunDisplayStatus | undefined) => void;
};

/**
 * Runs per status as tiles with a bar each (scaled to the largest count), so the shape of the queue reads
 * at a glance. A tile is also a shortcut for the Status filter: pressing it again clears the filter.
 */
export const StatusTiles = ({ counts, selected, onSelect }: StatusTilesProps) => {
  const largest = Math.max(1, ...RUN_DISPLAY_STATUSES.map((status) => counts?.[status] ?? 0));
  return (
    // NOTE: the heading avoids the word "status", so getByLabel("Status") finds only the filter.
    <section aria-labelledby="run-counts-heading" className="mb-6">
      <h2 id="run-counts-heading" className="sr-only">
        Run counts
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7">
        {RUN_DISPLAY_STATUSES.map((status) => {
          const count = counts?.[status];
          const isSelected = selected === status;
          return (
            <li key={status}>
              <button
                type="button"
                aria-pressed={isSelected}
                onClick={() => onSelect(isSelected ? undefined : status)}
                className={cn(
                  "w-full rounded-lg bg-white px-3 py-2.5 text-left shadow-sm ring-1 transition-colors hover:bg-slate-50",
                  isSelected ? "ring-2 ring-brand-500" : "ring-slate-200",
                )}
              >
                <span className="block text-xs font-medium text-slate-600">{RUN_STATUS_LABELS[status]}</span>
                <span className="block text-2xl font-bold tabular-nums text-slate-900">{count ?? "–"}</span>
                <span aria-hidden className="mt-1.5 block h-1.5 w-full overflow-hidden rounded-full bg-slate-100">
                  <span
                    className={cn("block h-full rounded-full", RUN_STATUS_TONES[status].bar)}
                    style={{ width: `${count ? Math.max(4, (count / largest) * 100) : 0}%` }}
                  />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
