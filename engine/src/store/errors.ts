// Error classes raised by the store: each has a literal `code`, the ids involved and a `cause`.
// Messages never contain secret material.

interface ErrorOptions { cause?: unknown }

export class MasterKeyMissingError extends Error {
  readonly code = 'MASTER_KEY_MISSING' as const;
  constructor(readonly source: string, options: ErrorOptions = {}) {
    super(`no master key: set ENGINE_MASTER_KEY (base64 of 32 bytes) or ENGINE_MASTER_KEY_FILE (${source})`, options);
    this.name = 'MasterKeyMissingError';
  }
}

export class MasterKeyMalformedError extends Error {
  readonly code = 'MASTER_KEY_MALFORMED' as const;
  constructor(readonly source: string, readonly reason: string, options: ErrorOptions = {}) {
    super(`master key from ${source} is malformed: ${reason}`, options);
    this.name = 'MasterKeyMalformedError';
  }
}

export class UnknownKeyVersionError extends Error {
  readonly code = 'KEY_VERSION_UNKNOWN' as const;
  constructor(readonly keyVersion: number, readonly ownerId: string, options: ErrorOptions = {}) {
    super(`secret of ${ownerId} was sealed with key version ${keyVersion}, which the keyring does not hold`, options);
    this.name = 'UnknownKeyVersionError';
  }
}

export class SecretDecryptError extends Error {
  readonly code = 'SECRET_DECRYPT_FAILED' as const;
  constructor(readonly ownerId: string, readonly venue: string, readonly keyVersion: number, options: ErrorOptions = {}) {
    super(`sealed secret of ${ownerId} (${venue}, key version ${keyVersion}) failed to open: wrong key, wrong owner/venue or tampered`, options);
    this.name = 'SecretDecryptError';
  }
}

export class CredentialsVenueMismatchError extends Error {
  readonly code = 'CREDENTIALS_VENUE_MISMATCH' as const;
  constructor(readonly ownerId: string, readonly venue: string, readonly credentialsKind: string, options: ErrorOptions = {}) {
    super(`${venue} does not take ${credentialsKind} credentials (${ownerId})`, options);
    this.name = 'CredentialsVenueMismatchError';
  }
}

export class FollowExistsError extends Error {
  readonly code = 'FOLLOW_EXISTS' as const;
  constructor(readonly whaleId: string, readonly followerId: string, options: ErrorOptions = {}) {
    super(`follower ${followerId} already follows whale ${whaleId}`, options);
    this.name = 'FollowExistsError';
  }
}

export class StoreNotFoundError extends Error {
  readonly code = 'STORE_NOT_FOUND' as const;
  constructor(readonly entity: string, readonly id: string, options: ErrorOptions = {}) {
    super(`${entity} ${id} not found`, options);
    this.name = 'StoreNotFoundError';
  }
}

export class StoreOpenError extends Error {
  readonly code = 'STORE_OPEN_FAILED' as const;
  constructor(readonly driver: 'pglite' | 'postgres', readonly step: 'connect' | 'migrate', options: ErrorOptions = {}) {
    const detail = options.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`store (${driver}) failed to ${step}${detail}`, options);
    this.name = 'StoreOpenError';
  }
}

export class StoreValidationError extends Error {
  readonly code = 'STORE_INVALID' as const;
  constructor(readonly entity: string, readonly id: string, readonly field: string, readonly reason: string, options: ErrorOptions = {}) {
    super(`${entity} ${id}: ${field} ${reason}`, options);
    this.name = 'StoreValidationError';
  }
}
