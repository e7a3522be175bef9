/**
 * Every database column holding values from encryptSecret(), so `npm run secrets:reencrypt` can move them all to
 * the current key. Add a column here in the change that starts storing it (SQL names, as in the migrations).
 */
export type TEncryptedColumn = { table: string; idColumn: string; column: string };

export const ENCRYPTED_COLUMNS: readonly TEncryptedColumn[] = [
  { table: "TwoFactorCredential", idColumn: "id", column: "secretEncrypted" },
];
