import type { Element, Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform } from 'react-markdown';
import { MARKDOWN_COMPONENTS } from './components.tsx';
import { toHast } from './pipeline.ts';
import { prepareMath } from './prepareMath.ts';

/** Rendered trees of finished blocks, by their text: scrolling back or re-opening a chat mounts them
 *  again without parsing. Most recently used last. */
const CACHE_ENTRIES = 3_000;
const rendered = new Map<string, ReactElement>();

/** As react-markdown does: unsafe URLs (javascript:, data:…) are emptied. */
function sanitizeUrls(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const [name, tags] of Object.entries(urlAttributes)) {
      if (!Object.hasOwn(child.properties, name)) continue;
      if (tags === null || tags.includes(child.tagName)) child.properties[name] = defaultUrlTransform(String(child.properties[name] ?? ''));
    }
    sanitizeUrls(child);
  }
}

/** A hast tree (parsed here or in the Markdown worker) as React elements, with Parley's components. */
export function treeToReact(root: Root): ReactElement {
  sanitizeUrls(root);
  return toJsxRuntime(root, { Fragment, jsx, jsxs, components: MARKDOWN_COMPONENTS, ignoreInvalidStyle: true, passKeys: true, passNode: true });
}

/** A block that is cheap to parse (see parseCost.ts), parsed on this thread; `keep` caches it. */
export function renderBlock(markdown: string, keep: boolean): ReactElement {
  const known = rendered.get(markdown);
  if (known) {
    rendered.delete(markdown);
    rendered.set(markdown, known);
    return known;
  }
  const element = treeToReact(toHast(prepareMath(markdown)).root);
  if (keep) remember(markdown, element);
  return element;
}

export function cachedBlock(markdown: string): ReactElement | undefined {
  return rendered.get(markdown);
}

export function remember(markdown: string, element: ReactElement): void {
  rendered.delete(markdown);
  rendered.set(markdown, element);
  if (rendered.size > CACHE_ENTRIES) rendered.delete(rendered.keys().next().value ?? '');
}
