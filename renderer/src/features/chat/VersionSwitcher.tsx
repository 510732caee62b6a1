import type { Message } from '../../../../shared/domain.ts';

interface Props {
  message: Message;
  disabled: boolean;
  onSelect: (messageId: string) => void;
}

/** "2 / 3" with Previous / Next version, on a message that has been edited or regenerated. */
export function VersionSwitcher({ message, disabled, onSelect }: Props) {
  const { siblingIndex, siblingCount, siblingIds } = message;
  if (!siblingIndex || !siblingCount || siblingCount < 2 || !siblingIds) return null;
  const previous = siblingIds[siblingIndex - 2];
  const next = siblingIds[siblingIndex];
  return (
    <span className="versions" role="group" aria-label="Versions">
      <button
        type="button"
        className="icon-button"
        aria-label="Previous version"
        title="Previous version"
        disabled={disabled || !previous}
        onClick={() => previous && onSelect(previous)}
      >
        ‹
      </button>
      <span className="versions__position">
        {siblingIndex} / {siblingCount}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Next version"
        title="Next version"
        disabled={disabled || !next}
        onClick={() => next && onSelect(next)}
      >
        ›
      </button>
    </span>
  );
}
