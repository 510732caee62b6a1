import { memo, useEffect, useState } from 'react';
import remend from 'remend';
import { BlockComplete } from './blockState.ts';
import { cachedTree, parseInWorker } from './markdownClient.ts';
import { isCheapToParse } from './parseCost.ts';
import { PlainText } from './PlainText.tsx';
import { cachedBlock, remember, renderBlock, treeToReact } from './renderTree.ts';
import { splitGrowing, type Split } from './splitBlocks.ts';
import './markdown.css';

/** Past this a reply is shown as plain text: splitting and parsing it would grow with its size. */
const MAX_MARKDOWN_CHARS = 400_000;

/** A block too costly for this thread: plain text until the Markdown worker's tree arrives. */
function WorkerBlock({ text }: { text: string }) {
  const [tree, setTree] = useState(() => {
    const known = cachedBlock(text);
    if (known) return { text, element: known };
    const root = cachedTree(text);
    return root ? { text, element: treeToReact(structuredClone(root)) } : undefined;
  });
  useEffect(() => {
    if (tree?.text === text || cachedTree(text) === null) return;
    let live = true;
    void parseInWorker(text).then((root) => {
      if (!live || !root) return;
      const element = treeToReact(structuredClone(root));
      remember(text, element);
      setTree({ text, element });
    });
    return () => {
      live = false;
    };
  }, [text, tree]);
  return tree?.text === text ? tree.element : <PlainText text={text} />;
}

/**
 * One top-level block, parsed again only when its own text (or its completeness) changes. The
 * growing tail of a streaming reply is healed first (remend closes a dangling `**`, an open code
 * span or link), so it reads sensibly before its closing marks arrive.
 */
const MarkdownBlock = memo(function MarkdownBlock({ text, complete }: { text: string; complete: boolean }) {
  const source = complete ? text : remend(text);
  const cheap = isCheapToParse(source);
  return (
    <BlockComplete value={complete}>
      {cheap ? renderBlock(source, complete) : complete ? <WorkerBlock text={text} /> : <PlainText text={text} />}
    </BlockComplete>
  );
});

/**
 * A Markdown reply (GFM, math, highlighted code). While it streams, only the last block re-renders
 * per frame; the finished blocks before it keep their rendered tree (and a cache keeps it across
 * mounts). Work per block is bounded: see parseCost.ts.
 */
export const Markdown = memo(function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  // A streaming reply only grows: its earlier cuts are kept and only the tail is split again (state
  // derived from the previous render, updated during render as React allows).
  const [split, setSplit] = useState<Split | undefined>(undefined);
  if (text.length > MAX_MARKDOWN_CHARS) return <PlainText text={text} />;
  let current = split;
  if (current?.text !== text) {
    current = splitGrowing(current, text);
    setSplit(current);
  }
  const { blocks } = current;
  return (
    <div className="markdown">
      {blocks.map((block, i) => (
        // Index keys are stable: a block, once cut, keeps its place and its text.
        <MarkdownBlock key={i} text={block} complete={!streaming || i < blocks.length - 1} />
      ))}
    </div>
  );
});
