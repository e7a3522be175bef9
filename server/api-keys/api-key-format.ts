import { createOneTimeToken } from "@/server/staff/one-time-token";

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs) as a Hostlane key. */
export const API_KEY_PREFIX = "hl_live_";
/** How much of a key lists show: the prefix and 6 random characters, enough to tell keys apart. */
const VISIBLE_LENGTH = API_KEY_PREFIX.length + 6;

export const generateApiKey = () => {
  const { token, tokenHash } = createOneTimeToken(API_KEY_PREFIX);
  return { key: token, keyHash: tokenHash, prefix: token.slice(0, VISIBLE_LENGTH) };
};
