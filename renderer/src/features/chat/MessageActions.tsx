import { CopyButton } from '../../ui/CopyButton.tsx';

interface Props {
  text: string;
  /** Offered on a cut-off reply (the last one): asks the model to go on where it stopped. */
  onContinue?: () => void;
}

/** Actions under a message: shown on hover or focus, always in the tab order. */
export function MessageActions({ text, onContinue }: Props) {
  return (
    <div className="message__actions">
      {onContinue && (
        <button type="button" className="button message__continue" onClick={onContinue}>
          Continue
        </button>
      )}
      {/* The Markdown source, as the model wrote it (or as the user typed it). */}
      {text.length > 0 && <CopyButton text={text} label="Copy" />}
    </div>
  );
}
