import { Fragment, memo, useContext } from 'react';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { BlockComplete } from './blockState.ts';
import type { HighlightedLines } from './highlightProtocol.ts';
import { useHighlight } from './useHighlight.ts';

function Highlighted({ lines }: { lines: HighlightedLines }) {
  return lines.map((line, i) => (
    <Fragment key={i}>
      {line.map((token, j) => (
        <span key={j} style={token.style}>
          {token.content}
        </span>
      ))}
      {i < lines.length - 1 && '\n'}
    </Fragment>
  ));
}

/** A fenced code block: its language, a "Copy code" button, and the code, highlighted once it is complete. */
export const CodeBlock = memo(function CodeBlock({ code, language }: { code: string; language: string | undefined }) {
  const complete = useContext(BlockComplete);
  const lines = useHighlight(code, language, complete);
  return (
    <div className="code-block">
      <div className="code-block__header">
        <span className="code-block__language">{language || 'text'}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      {/* Focusable: a long line scrolls sideways, and keyboard users must be able to scroll it too. */}
      <pre className="code-block__pre" tabIndex={0} data-highlighted={lines ? true : undefined}>
        <code>{lines ? <Highlighted lines={lines} /> : code}</code>
      </pre>
    </div>
  );
});
