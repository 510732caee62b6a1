import type { ImageAttachment } from '../../../../shared/domain.ts';

/** The images sent with a user message, as thumbnails. */
export function ImageStrip({ images }: { images: ImageAttachment[] }) {
  return (
    <ul className="message__images" aria-label="Attached images">
      {images.map((image, i) => (
        <li key={i}>
          <img src={image.dataUrl} alt={image.name ?? `Image ${i + 1}`} />
        </li>
      ))}
    </ul>
  );
}
