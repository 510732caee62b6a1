import type { SnippetSegment } from '../../../../shared/contract/conversations.ts';

/** A search snippet as text, the matching words in <mark>: built from segments, never from HTML. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}
