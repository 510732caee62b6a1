import type { ExtraProps } from 'react-markdown';

export type HastElement = NonNullable<ExtraProps['node']>;
type HastChild = HastElement['children'][number];

/** The text inside a hast node (a code element holds only text nodes: nothing highlights before us). */
export function textOf(node: HastElement | HastChild | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** The class names hast keeps as an array on `properties.className`. */
export function classesOf(node: HastElement | HastChild | undefined): string[] {
  if (!node || node.type !== 'element') return [];
  const value: unknown = node.properties['className'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The first element child (a <pre>'s <code>). */
export function firstElement(node: HastElement | undefined): HastElement | undefined {
  return node?.children.find((child): child is HastElement => child.type === 'element');
}
