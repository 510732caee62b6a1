import type { ComponentProps, JSX } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { CodeBlock } from './CodeBlock.tsx';
import { classesOf, firstElement, textOf } from './hastText.ts';
import { MathView } from './MathView.tsx';

// Module-level components: a new object per render would make every block re-render its tree.

type Props<Tag extends keyof JSX.IntrinsicElements> = ComponentProps<Tag> & ExtraProps;

/** Links open outside the app: Electron's main hands a new window to the system browser. */
function Link({ node: _node, href, children, ...rest }: Props<'a'>) {
  // react-markdown empties unsafe URLs (javascript:, data:…); a link to nowhere is just its text.
  if (!href) return <span>{children}</span>;
  return (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function Pre({ node }: Props<'pre'>) {
  const code = firstElement(node);
  const classes = classesOf(code);
  // mdast-util-to-hast ends a code block's text with a newline of its own.
  const text = textOf(code).replace(/\n$/, '');
  if (classes.includes('math-display')) return <MathView tex={text} display />;
  const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
  return <CodeBlock code={text} language={language} />;
}

function Code({ node, children, className }: Props<'code'>) {
  if (classesOf(node).includes('math-inline')) return <MathView tex={textOf(node)} display={false} />;
  return <code className={className}>{children}</code>;
}

/** Task list boxes are read-only; they get a name, since the list item text is not their label. */
function Input({ node: _node, type, checked, ...rest }: Props<'input'>) {
  if (type !== 'checkbox') return <input {...rest} type={type} />;
  return <input type="checkbox" checked={checked === true} disabled readOnly aria-label={checked ? 'Done' : 'Not done'} />;
}

/** Tables scroll sideways inside the reply instead of widening it; focusable so keys can scroll. */
function Table({ node: _node, ...rest }: Props<'table'>) {
  return (
    <div className="markdown__table" tabIndex={0}>
      <table {...rest} />
    </div>
  );
}

/**
 * Remote images in a reply would load from anywhere (the page's CSP refuses them anyway, and they
 * could track the reader): show a link to the image instead.
 */
function Image({ src, alt }: Props<'img'>) {
  const label = alt ? `Image: ${alt}` : 'Image';
  if (typeof src !== 'string' || src === '') return <span>[{label}]</span>;
  return (
    <a href={src} target="_blank" rel="noopener noreferrer">
      [{label}]
    </a>
  );
}

export const MARKDOWN_COMPONENTS: Components = { a: Link, pre: Pre, code: Code, input: Input, table: Table, img: Image };
