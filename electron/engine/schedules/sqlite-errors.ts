/**
 * better-sqlite3 reports constraint failures with a `code`; drizzle wraps them, so the code is looked for along
 * the cause chain. The services turn these into the operator's errors (schedule_exists, execution_active).
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}
