// The Markdown pipeline shared by the page and the Markdown worker: Markdown to hast, as
// react-markdown does it (GFM, math), with raw HTML turned into text (never markup).
import type { Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype, { allowDangerousHtml: true });

type Node = Root | Root['children'][number];

/** Raw HTML becomes its text; positions go (nothing needs them, and they double the size sent). */
function clean(node: Node): number {
  delete node.position;
  if (!('children' in node)) return 1;
  let count = 1;
  node.children = node.children.map((child) => (child.type === 'raw' ? { type: 'text', value: child.value } : child)) as typeof node.children;
  for (const child of node.children) count += clean(child);
  return count;
}

/** The hast of a Markdown text and how many nodes it has. */
export function toHast(markdown: string): { root: Root; nodes: number } {
  const root = processor.runSync(processor.parse(markdown)) as Root;
  return { root, nodes: clean(root) };
}
