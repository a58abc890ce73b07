// Public surface of secrets handling: keyring loading, sealing, secret hashes, redacting credentials.
export { MASTER_KEY_ENV, MASTER_KEY_FILE_ENV, generateKeySpec, keyringFromSpec, loadKeyring, parseKeySpec } from './keyring';
export type { KeyGeneration, Keyring } from './keyring';
export { open, seal, sealContext, sealedKeyVersion } from './cipher';
export { generateToken, hashSecret, hashToken, verifySecret } from './secret-hash';
export {
  ApiKeyCredentials, WalletCredentials, assertCredentialsFit, credentialsKindFor, decodeCredentials, encodeCredentials,
} from './credentials';
export type { VenueCredentials } from './credentials';
