"use client";

import { useState } from "react";

/** How often live views refetch. React Query skips the interval while the tab is hidden (refetchIntervalInBackground is off). */
export const LIVE_REFRESH_MS = 2_000;

/** Live refresh on by default, with a pause switch for reading a run that keeps changing under the eye. */
export const useLiveRefresh = () => {
  const [isLive, setIsLive] = useState(true);
  return {
    isLive,
    toggleLive: () => setIsLive((current) => !current),
    refetchInterval: isLive ? LIVE_REFRESH_MS : (false as const),
  };
};
