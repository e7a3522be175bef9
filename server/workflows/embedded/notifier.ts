import "server-only";

type NotifierGlobals = { hostlaneWorkflowListeners?: Set<() => void> };
// NOTE: on globalThis: ingest may run in a route bundle while the worker loop lives in instrumentation.ts.
const globals = globalThis as NotifierGlobals;
const listeners = (globals.hostlaneWorkflowListeners ??= new Set());

/** Wakes worker loops in this process at once; other processes notice on their next poll. */
export const pokeWorkers = () => {
  for (const listener of listeners) listener();
};

export const onPoke = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
