import { memo, useEffect, useState } from 'react';

/** Text laid out in one go: a larger piece could hold up the page for more than a frame. */
const CHUNK_CHARS = 8_000;
/** Pieces added per frame after the first ones. */
const CHUNKS_PER_FRAME = 2;

/** Cuts at a line break near the chunk size where there is one, else mid-line (a giant word). */
function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      if (newline > start + CHUNK_CHARS / 2) end = newline + 1;
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

const Chunk = memo(function Chunk({ text }: { text: string }) {
  return <span className="plain-text__chunk">{text}</span>;
});

/**
 * Text shown exactly as written, line breaks kept, for what is not (or not yet) rendered as Markdown.
 * A long text appears a few pieces per frame, so even megabytes never block the page at once.
 */
export const PlainText = memo(function PlainText({ text, className }: { text: string; className?: string }) {
  const chunks = chunksOf(text);
  const [shown, setShown] = useState(CHUNKS_PER_FRAME);
  useEffect(() => {
    if (shown >= chunks.length) return;
    const frame = requestAnimationFrame(() => setShown((n) => n + CHUNKS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [shown, chunks.length]);
  return (
    <div className={className ? `plain-text ${className}` : 'plain-text'}>
      {chunks.slice(0, shown).map((chunk, i) => (
        <Chunk key={i} text={chunk} />
      ))}
    </div>
  );
});
