export { TokenVault, type TokenSlot, type TokenVaultOptions } from './TokenVault.ts';
export { loadKeytar, type Keychain, type KeychainLoader } from './keychain.ts';
