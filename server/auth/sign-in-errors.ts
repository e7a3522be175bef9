/**
 * The reasons a sign-in attempt stops, carried from next-auth's authorize to the form as the error string
 * (next-auth 4 passes a thrown error's message through). The form turns each into its message.
 */
export const SIGN_IN_ERROR = {
  /** Wrong e-mail or password: never says which. */
  invalid: "CredentialsSignin",
  /** Right password, but the client account is closed or blocked. Says no more than that. */
  unavailable: "ACCOUNT_UNAVAILABLE",
  /** The password step passed; `TWO_FACTOR_REQUIRED:<challenge>` asks for the code. */
  twoFactorRequired: "TWO_FACTOR_REQUIRED",
  invalidCode: "INVALID_CODE",
  /** The 5-minute challenge expired or was tampered with: start again with the password. */
  challengeExpired: "CHALLENGE_EXPIRED",
  /** `RATE_LIMITED:<seconds>`. */
  rateLimited: "RATE_LIMITED",
} as const;

export const formatWaitMessage = (seconds: number) => {
  if (seconds < 60) return `Too many attempts. Try again in ${seconds} seconds.`;
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. Try again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`;
};

/** What the sign-in form shows for an error string; `challenge` when the code step comes next. */
export const readSignInError = (error: string): { message: string | null; challenge?: string } => {
  const [code, argument] = [error.split(":")[0], error.slice(error.indexOf(":") + 1)];
  switch (code) {
    case SIGN_IN_ERROR.twoFactorRequired:
      return { message: null, challenge: argument };
    case SIGN_IN_ERROR.unavailable:
      return { message: "This account cannot sign in. Please contact support." };
    case SIGN_IN_ERROR.invalidCode:
      return { message: "That code is not correct. Enter the current code from your app, or a recovery code." };
    case SIGN_IN_ERROR.challengeExpired:
      return { message: "The sign-in took too long. Please enter your e-mail and password again." };
    case SIGN_IN_ERROR.rateLimited:
      return { message: formatWaitMessage(Number(argument) || 60) };
    default:
      return { message: "The e-mail address or password is not correct." };
  }
};
