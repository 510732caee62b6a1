export function findElectronBinary(root: string): { path: string } | { reason: string };
export function downloadElectronBinary(root: string, timeoutMs?: number): boolean;
