export { env } from "./env.mjs";
