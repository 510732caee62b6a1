export { loadKeytar, type Keychain, type KeychainLoader } from './keychain.ts';
export { TokenVault, type TokenSlot, type TokenVaultOptions } from './TokenVault.ts';
export { encryptedFileKeychain, type SecretCipher } from './fileKeychain.ts';
export { keychainWithFallback, type KeychainFallback } from './fallbackKeychain.ts';
