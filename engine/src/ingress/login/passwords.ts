// Password hashing (argon2id through Bun.password) and the pure lockout rules of sign-in. Holds no
// state; a password never leaves these functions except as its hash.

export interface LoginPolicy {
  /** Failed sign-ins in a row that lock an account. */
  readonly lockAfter: number;
  /** How long a lock lasts. */
  readonly lockMs: number;
  /** Lifetime of a sign-in (its session and the API token it issued). */
  readonly sessionTtlMs: number;
  readonly minPasswordLength: number;
  /** argon2id cost; tests may lower it, production keeps Bun's defaults (64 MiB, 2 passes). */
  readonly argon2: { readonly memoryCost?: number; readonly timeCost?: number };
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  lockAfter: 5,
  lockMs: 15 * 60_000,
  sessionTtlMs: 8 * 60 * 60_000,
  minPasswordLength: 10,
  argon2: {},
};

export function hashPassword(password: string, policy: Pick<LoginPolicy, 'argon2'> = DEFAULT_LOGIN_POLICY): Promise<string> {
  return Bun.password.hash(password, { algorithm: 'argon2id', ...policy.argon2 });
}

/** Verifies only argon2id hashes; anything else (or a malformed hash) is a mismatch, never an exception. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith('$argon2id$')) return false;
  try {
    return await Bun.password.verify(password, hash, 'argon2id');
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: verified against when the email is unknown, so both paths cost the same. */
export function decoyHash(policy: Pick<LoginPolicy, 'argon2'>): Promise<string> {
  return hashPassword(crypto.randomUUID(), policy);
}

/** Milliseconds until the lock ends, or 0 when the account is not locked at `nowMs`. */
export function lockRemainingMs(lockedUntil: Date | null, nowMs: number): number {
  return lockedUntil === null ? 0 : Math.max(0, lockedUntil.getTime() - nowMs);
}
