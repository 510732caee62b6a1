import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_MESSAGE, type ImageAttachment } from '../../../../shared/domain.ts';

export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const MB = 1024 * 1024;

export interface ReadOutcome {
  images: ImageAttachment[];
  /** Why some files were left out, in words for the user; null when all were taken. */
  problem: string | null;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file.'));
    reader.readAsDataURL(file);
  });
}

/** Reads the files that fit (type, size, how many the message still has room for) as data URLs. */
export async function readImages(files: File[], alreadyAttached: number): Promise<ReadOutcome> {
  const problems: string[] = [];
  const fitting: File[] = [];
  for (const file of files) {
    if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) {
      problems.push(`${file.name || 'That file'} is not a PNG, JPEG, GIF or WebP image.`);
    } else if (file.size > MAX_IMAGE_BYTES) {
      problems.push(`${file.name || 'That image'} is too large (${(file.size / MB).toFixed(1)} MB); the limit is ${MAX_IMAGE_BYTES / MB} MB per image.`);
    } else if (alreadyAttached + fitting.length >= MAX_IMAGES_PER_MESSAGE) {
      problems.push(`A message can carry at most ${MAX_IMAGES_PER_MESSAGE} images.`);
      break;
    } else {
      fitting.push(file);
    }
  }
  const images: ImageAttachment[] = [];
  for (const file of fitting) {
    try {
      images.push({ dataUrl: await readAsDataUrl(file), ...(file.name ? { name: file.name } : {}) });
    } catch {
      problems.push(`Could not read ${file.name || 'the image'}.`);
    }
  }
  return { images, problem: problems.length > 0 ? problems.join(' ') : null };
}
