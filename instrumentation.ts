export const register = async () => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootApplication } = await import("./server/setup/boot");
  await bootApplication();
};
