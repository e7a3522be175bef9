/**
 * Every database column holding values from encryptSecret(), so `npm run secrets:reencrypt` can move them all to
 * the current key. Add a column here in the change that starts storing it (SQL names, as in the migrations).
 * Empty today: the 2FA secret, panel credentials and bank details register theirs when they land.
 */
export type TEncryptedColumn = { table: string; idColumn: string; column: string };

export const ENCRYPTED_COLUMNS: readonly TEncryptedColumn[] = [];
