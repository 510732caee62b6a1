import type { ImageAttachment } from '../../../../shared/domain.ts';

interface Props {
  images: ImageAttachment[];
  onRemove: (index: number) => void;
}

/** Thumbnails of the images about to be sent, each with its own remove button. */
export function AttachmentTray({ images, onRemove }: Props) {
  if (images.length === 0) return null;
  return (
    <ul className="composer__attachments" aria-label="Images to send">
      {images.map((image, i) => {
        const name = image.name ?? `Image ${i + 1}`;
        return (
          <li key={i} className="composer__attachment">
            <img src={image.dataUrl} alt={name} />
            <button type="button" className="composer__remove" aria-label={`Remove ${name}`} title={`Remove ${name}`} onClick={() => onRemove(i)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
