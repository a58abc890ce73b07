// Reading PostgreSQL error details through drizzle's wrapper (DrizzleQueryError keeps the driver
// error as `cause`); works for postgres.js and PGlite errors alike. Pure, no I/O.

/** SQLSTATE and constraint of the first error in the cause chain that has a SQLSTATE. */
export function sqlErrorOf(error: unknown): { code: string; constraint: string | undefined } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return { code: candidate.code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    current = candidate.cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const info = sqlErrorOf(error);
  return info?.code === '23505' && info.constraint === constraint;
}

/**
 * Whether an error is caused by the rows themselves (data exception 22xxx, integrity violation 23xxx),
 * so retrying the same rows cannot succeed; anything else (connection, missing table) may pass later.
 */
export function isRowError(error: unknown): boolean {
  const code = sqlErrorOf(error)?.code;
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}
