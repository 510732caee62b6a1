import { useCallback, useState } from 'react';
import type { ImageAttachment } from '../../../../shared/domain.ts';
import { readImages } from './readImages.ts';

export interface Attachments {
  images: ImageAttachment[];
  /** Why the last files could not all be attached. */
  problem: string | null;
  add: (files: File[]) => void;
  remove: (index: number) => void;
  clear: () => void;
}

/** The images waiting to go with the next message. */
export function useAttachments(): Attachments {
  const [images, setImages] = useState<ImageAttachment[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      void readImages(files, images.length).then((outcome) => {
        setImages((current) => [...current, ...outcome.images]);
        setProblem(outcome.problem);
      });
    },
    [images.length],
  );
  const remove = useCallback((index: number) => {
    setImages((current) => current.filter((_, i) => i !== index));
    setProblem(null);
  }, []);
  const clear = useCallback(() => {
    setImages([]);
    setProblem(null);
  }, []);
  return { images, problem, add, remove, clear };
}
