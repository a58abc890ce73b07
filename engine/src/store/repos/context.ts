// What every repository gets: the database and access to the keyring (which may be absent, in
// which case only secret operations fail, with MasterKeyMissingError).
import type { Database } from '../db/database';
import { MasterKeyMissingError } from '../errors';
import type { Keyring } from '../secrets';

export interface RepositoryContext {
  readonly db: Database;
  /** The keyring, or a MasterKeyMissingError when the store was opened without one. */
  keyring(): Keyring;
}

export function repositoryContext(db: Database, keyring: Keyring | undefined): RepositoryContext {
  return {
    db,
    keyring() {
      if (keyring === undefined) throw new MasterKeyMissingError('the store was opened without a keyring');
      return keyring;
    },
  };
}

export const newId = (): string => crypto.randomUUID();
