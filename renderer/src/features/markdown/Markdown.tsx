import { memo } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { BlockComplete } from './blockState.ts';
import { MARKDOWN_COMPONENTS } from './components.tsx';
import { prepareMath } from './prepareMath.ts';
import { splitBlocks } from './splitBlocks.ts';
import './markdown.css';

// Module-level, so memoization holds. No rehype-raw: raw HTML in a reply becomes text, never markup.
const REMARK_PLUGINS = [remarkGfm, remarkMath];

/** One top-level block, parsed again only when its own text (or its completeness) changes. */
const MarkdownBlock = memo(function MarkdownBlock({ text, complete }: { text: string; complete: boolean }) {
  return (
    <BlockComplete value={complete}>
      <ReactMarkdown remarkPlugins={REMARK_PLUGINS} components={MARKDOWN_COMPONENTS}>
        {prepareMath(text)}
      </ReactMarkdown>
    </BlockComplete>
  );
});

/**
 * A Markdown reply (GFM, math, highlighted code). While it streams, only the last block re-renders
 * per frame; the finished blocks before it keep their rendered tree.
 */
export const Markdown = memo(function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  const blocks = splitBlocks(text);
  return (
    <div className="markdown">
      {blocks.map((block, i) => (
        // Index keys are stable: a block, once cut, keeps its place and its text.
        <MarkdownBlock key={i} text={block} complete={!streaming || i < blocks.length - 1} />
      ))}
    </div>
  );
});
