"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** The "Live" indicator and its pause switch. The dot pulses only while updates are flowing. */
export const LiveToggle = ({ isLive, onToggle, isFetching }: { isLive: boolean; onToggle: () => void; isFetching?: boolean }) => (
  <div className="flex items-center gap-3">
    <span className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
      <span aria-hidden className="relative flex size-2.5">
        {isLive && <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-75 motion-reduce:animate-none" />}
        <span className={cn("relative inline-flex size-2.5 rounded-full", isLive ? "bg-emerald-500" : "bg-slate-400")} />
      </span>
      {isLive ? "Live" : "Paused"}
      {isLive && isFetching && <span className="sr-only">(updating)</span>}
    </span>
    <Button variant="secondary" className="px-3 py-1.5" aria-pressed={!isLive} onClick={onToggle}>
      {isLive ? "Pause updates" : "Resume updates"}
    </Button>
  </div>
);
