import { sql, type SQL } from 'drizzle-orm';
import { integer, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Instants are stored as epoch milliseconds, filled in by SQLite when the row is written. */
const nowMs = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

export const createdAt = () => integer('created_at').notNull().default(nowMs);
export const updatedAt = () => integer('updated_at').notNull().default(nowMs);

/** A CHECK that a text column holds one of the values the code knows: the file itself rejects anything else. */
export function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} IN (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '))})`;
}
