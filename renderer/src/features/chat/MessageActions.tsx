import { CopyButton } from '../../ui/CopyButton.tsx';

/** Actions under a message: shown on hover or focus, always in the tab order. */
export function MessageActions({ text }: { text: string }) {
  return (
    <div className="message__actions">
      {/* The Markdown source, as the model wrote it (or as the user typed it). */}
      <CopyButton text={text} label="Copy" />
    </div>
  );
}
