import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  ImageMimeTypeSchema,
  type ImageAttachment,
  type ImageInput,
  type ImageRef,
} from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { StoreDb } from './storeDb.ts';

// Images live in the `images` table of the conversation database, once per content (the id is the
// SHA-256 of the bytes); a message's `images` column holds only references. Keeping them in the same
// file keeps a backup one file and an import one transaction per conversation.

/** What a message row keeps per image: the reference without its URL (the URL depends on the window). */
export const StoredImageSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: ImageMimeTypeSchema,
  name: z.string().max(255).optional(),
  bytes: z.number().int().nonnegative(),
});
export type StoredImage = z.infer<typeof StoredImageSchema>;

/** How the window loads an image; set once per process (browser mode signs its URLs). */
let urlFor: (id: string) => string = (id) => `parley-image://image/${id}`;

export function setImageUrlBuilder(build: (id: string) => string): void {
  urlFor = build;
}

export function imageUrl(id: string): string {
  return urlFor(id);
}

export function toImageRef(stored: StoredImage): ImageRef {
  return { ...stored, url: urlFor(stored.id) };
}

const SQL = {
  insert: 'INSERT OR IGNORE INTO images (id, mime_type, bytes, data, created_at) VALUES (?, ?, ?, ?, ?)',
  meta: 'SELECT id, mime_type, bytes FROM images WHERE id = ?',
  data: 'SELECT mime_type, data FROM images WHERE id = ?',
  // Images no message refers to any more (after a purge).
  orphans: `DELETE FROM images WHERE id NOT IN (
    SELECT json_extract(j.value, '$.id') FROM messages, json_each(messages.images) AS j WHERE messages.images <> '[]')`,
} as const;

/** Splits a data URL (already checked by ImageAttachmentSchema) into its type and bytes. */
export function decodeDataUrl(dataUrl: string): { mimeType: StoredImage['mimeType']; data: Buffer } {
  const comma = dataUrl.indexOf(',');
  const mime = ImageMimeTypeSchema.safeParse(dataUrl.slice(5, dataUrl.indexOf(';')));
  if (comma < 0 || !mime.success) fail('invalid_input', 'Images must be PNG, JPEG, GIF or WebP data URLs.');
  return { mimeType: mime.data, data: Buffer.from(dataUrl.slice(comma + 1), 'base64') };
}

/** Stores the bytes once (deduplicated by hash); answers the reference to keep on the message. */
export function saveImage(db: StoreDb, image: ImageAttachment, now = Date.now()): StoredImage {
  const { mimeType, data } = decodeDataUrl(image.dataUrl);
  const id = createHash('sha256').update(data).digest('hex');
  db.prepare(SQL.insert).run(id, mimeType, data.length, data, now);
  return { id, mimeType, bytes: data.length, ...(image.name ? { name: image.name } : {}) };
}

/** New images are stored; an { id } must name one that is already here. */
export function saveImageInputs(db: StoreDb, inputs: readonly (ImageInput | ImageRef)[]): StoredImage[] {
  return inputs.map((input) => {
    if ('dataUrl' in input) return saveImage(db, input);
    const row = db.prepare(SQL.meta).get(input.id);
    if (!row) fail('invalid_input', 'One of the images is no longer stored. Attach it again.');
    const mimeType = ImageMimeTypeSchema.parse(row['mime_type']);
    return { id: input.id, mimeType, bytes: Number(row['bytes']), ...(input.name ? { name: input.name } : {}) };
  });
}

export function readImage(db: StoreDb, id: string): { mimeType: string; data: Uint8Array } | undefined {
  const row = db.prepare(SQL.data).get(id);
  if (!row || !(row['data'] instanceof Uint8Array)) return undefined;
  return { mimeType: String(row['mime_type']), data: row['data'] };
}

/** The image as a data URL (what a provider request and an export carry). */
export function imageDataUrl(db: StoreDb, id: string): string | undefined {
  const image = readImage(db, id);
  return image ? `data:${image.mimeType};base64,${Buffer.from(image.data).toString('base64')}` : undefined;
}

export function deleteOrphanImages(db: StoreDb): number {
  return Number(db.prepare(SQL.orphans).run().changes);
}
