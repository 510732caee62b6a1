import { createHmac, randomBytes } from 'node:crypto';
import { secretsEqual } from './access.ts';

// An <img> cannot send headers, so browser mode serves each image at a capability URL: the id with an
// HMAC of it under a per-server secret. Whoever holds the URL may load that one image, nothing else.
// One small function signs; session-bound signing can replace the secret here alone.

export function newImageSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function signImageId(id: string, secret: string): string {
  return createHmac('sha256', secret).update(`image:${id}`).digest('base64url');
}

export function imageCapabilityUrl(id: string, secret: string): string {
  return `/images/${id}?t=${signImageId(id, secret)}`;
}

export function imageCapabilityValid(id: string, token: string | null, secret: string): boolean {
  return token !== null && secretsEqual(token, signImageId(id, secret));
}
