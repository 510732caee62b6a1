import { memo, useEffect, useState } from 'react';
import { copyText } from './clipboard.ts';
import { CheckIcon, CopyIcon } from './icons.tsx';
import './copyButton.css';

interface Props {
  /** What lands on the clipboard. */
  text: string;
  /** The button's name; stays the same after a copy, so it can be found and pressed again. */
  label: string;
  className?: string;
}

const RESET_MS = 1_800;

/** A copy button that says "Copied" (visibly and to screen readers) for a moment after it worked. */
export const CopyButton = memo(function CopyButton({ text, label, className }: Props) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), RESET_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => setOutcome((await copyText(text)) ? 'copied' : 'failed');

  return (
    <span className={`copy-button ${className ?? ''}`}>
      {/* The name stays `label`; the visible word says what happened, once ("✓ Copied"). */}
      <button type="button" className="copy-button__button" aria-label={label} onClick={() => void copy()} data-outcome={outcome}>
        {outcome === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span aria-hidden="true">{outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Could not copy' : label}</span>
      </button>
      <span className="copy-button__status" role="status">
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Could not copy' : ''}
      </span>
    </span>
  );
});
