export { TokenVault, type TokenVaultOptions } from './TokenVault.ts';
export { loadKeytar, type Keychain, type KeychainLoader } from './keychain.ts';
