import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { decryptSecret, encryptedKeyId, encryptSecret, processKeyring, type TKeyring } from "./encryption";
import { ENCRYPTED_COLUMNS, type TEncryptedColumn } from "./encrypted-columns";

type TClient = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const quote = (name: string) => {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier in the encrypted-column registry: ${name}`);
  return `"${name}"`;
};

export type TReencryptResult = { table: string; column: string; reencrypted: number }[];

/**
 * Re-encrypts every registered column's values that were written with an older key, in batches, each row
 * updated only if it still holds the value read (a concurrent write with the current key wins). Values that
 * cannot be decrypted stop the run with the table, column and row id (never the value).
 */
export const reencryptSecrets = async ({
  client = db,
  columns = ENCRYPTED_COLUMNS,
  keyring = processKeyring(),
  batchSize = 200,
}: { client?: TClient; columns?: readonly TEncryptedColumn[]; keyring?: TKeyring; batchSize?: number } = {}) => {
  const result: TReencryptResult = [];
  const current = `v1:${keyring.currentId}:%`;
  for (const { table, idColumn, column } of columns) {
    const [t, id, c] = [quote(table), quote(idColumn), quote(column)];
    let reencrypted = 0;
    let after = "";
    for (;;) {
      const rows = await client.$queryRawUnsafe<{ id: string; value: string }[]>(
        `SELECT ${id}::text AS id, ${c} AS value FROM ${t} WHERE ${c} IS NOT NULL AND ${c} NOT LIKE $1 AND ${id}::text > $2 ORDER BY ${id}::text LIMIT ${batchSize}`,
        current,
        after,
      );
      for (const row of rows) {
        if (encryptedKeyId(row.value) === undefined) {
          throw new Error(`${table}.${column} of row ${row.id} is not an encrypted value; fix that row first.`);
        }
        let plaintext: string;
        try {
          plaintext = decryptSecret(row.value, { keyring });
        } catch (error) {
          throw new Error(`${table}.${column} of row ${row.id}: ${(error as Error).message}`);
        }
        reencrypted += await client.$executeRawUnsafe(
          `UPDATE ${t} SET ${c} = $1 WHERE ${id}::text = $2 AND ${c} = $3`,
          encryptSecret(plaintext, { keyring }),
          row.id,
          row.value,
        );
      }
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]!.id;
    }
    result.push({ table, column, reencrypted });
  }
  return result;
};
