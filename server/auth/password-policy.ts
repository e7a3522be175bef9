import { z } from "zod";
import commonPasswords from "./common-passwords.json";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

// The 2,000 most common passwords plus every one of at least 10 characters among the 30,000 most common
// (zxcvbn 4.4.2's list, MIT, Dropbox), lower-cased: small enough to bundle, and it refuses what attackers try first.
const COMMON = new Set<string>(commonPasswords);

export const isCommonPassword = (password: string) => COMMON.has(password.normalize("NFKC").toLowerCase());

/**
 * The one password rule, used wherever a password is chosen (checkout's new account, invitation, reset,
 * changes): at least 10 characters and not one of the most common passwords.
 */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((password) => !isCommonPassword(password), "This password is too common. Choose one that is harder to guess.");
