export const register = async () => {
  // NOTE: `next build` may load this file too; nothing must migrate, seed or start workers then.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { bootApplication } = await import("./server/setup/boot");
  await bootApplication();
};
