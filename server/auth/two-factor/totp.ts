import "server-only";
import { generateSecret, generateURI, verify } from "otplib";

const PERIOD_SECONDS = 30;

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, label: string) => generateURI({ issuer: "Hostlane", label, secret });

/**
 * The time-step of a valid code, or null. One step of clock drift either way is accepted; a code of the last
 * used step or earlier is refused (a replay within its window). Real time, not the app clock: the
 * authenticator app on the phone uses real time.
 */
export const verifyTotp = async ({ secret, code, lastUsedStep }: { secret: string; code: string; lastUsedStep: number | null }) => {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: PERIOD_SECONDS,
    ...(lastUsedStep === null ? {} : { afterTimeStep: lastUsedStep }),
  });
  // NOTE: the functional API types HOTP and TOTP results together; a TOTP match always carries its time-step.
  return result.valid && "timeStep" in result ? (result as { timeStep: number }).timeStep : null;
};
