import type { ImageRef } from '../../../../shared/domain.ts';

/** The images sent with a user message, as thumbnails, loaded by URL (never carried in the message). */
export function ImageStrip({ images }: { images: ImageRef[] }) {
  return (
    <ul className="message__images" aria-label="Attached images">
      {images.map((image, i) => (
        <li key={`${image.id}-${i}`}>
          <img src={image.url} alt={image.name ?? `Image ${i + 1}`} loading="lazy" decoding="async" />
        </li>
      ))}
    </ul>
  );
}
