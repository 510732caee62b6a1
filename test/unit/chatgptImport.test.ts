import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../shared/errors.ts';
import { parseImport } from '../../electron/core/transfer/parseImport.ts';

type Node = { id: string; parent: string | null; children: string[]; message: Record<string, unknown> | null };

/** A ChatGPT mapping node; `role` 'root' makes the empty root node ChatGPT starts every tree with. */
function node(id: string, parent: string | null, role: string, parts: unknown[], extra: Record<string, unknown> = {}): Node {
  const message =
    role === 'root'
      ? null
      : { id, author: { role }, create_time: 1_700_000_000 + Number(id.replace(/\D/g, '') || 0), content: { content_type: 'text', parts }, metadata: {}, ...extra };
  return { id, parent, children: [], message };
}

function conversation(nodes: Node[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const mapping: Record<string, Node> = {};
  for (const n of nodes) mapping[n.id] = n;
  for (const n of nodes) if (n.parent && mapping[n.parent]) mapping[n.parent]!.children.push(n.id);
  return { id: 'conv-1', title: 'Trip to Lisbon', create_time: 1_700_000_000.5, update_time: 1_700_000_100, mapping, current_node: nodes.at(-1)!.id, ...extra };
}

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppErrorException) return err.error;
    throw err;
  }
  throw new Error('expected an error');
}

describe("importing ChatGPT's conversations.json", () => {
  it('follows current_node up to the root: the thread the user saw, not the abandoned edit', () => {
    const tree = conversation([
      node('root', null, 'root', []),
      node('sys1', 'root', 'system', ['You are ChatGPT.']),
      node('u2', 'sys1', 'user', ['Where should I eat?']),
      node('a3', 'u2', 'assistant', ['Try the old town.'], { metadata: { model_slug: 'gpt-4o' } }),
      node('u4', 'a3', 'user', ['First version of my follow-up']),
      node('a5', 'u4', 'assistant', ['Answer to the abandoned version']),
      node('u6', 'a3', 'user', ['Edited follow-up: and for dessert?']),
      node('a7', 'u6', 'assistant', ['Pastel de nata, of course.']),
    ]);
    const [imported] = parseImport(JSON.stringify([tree]));
    expect(imported).toMatchObject({ id: 'conv-1', title: 'Trip to Lisbon', createdAt: 1_700_000_000_500, updatedAt: 1_700_000_100_000 });
    expect(imported!.messages.map((m) => [m.id, m.role, m.content])).toEqual([
      ['u2', 'user', 'Where should I eat?'],
      ['a3', 'assistant', 'Try the old town.'],
      ['u6', 'user', 'Edited follow-up: and for dessert?'],
      ['a7', 'assistant', 'Pastel de nata, of course.'],
    ]);
    expect(imported!.messages[1]).toMatchObject({ model: 'gpt-4o', status: 'complete', images: [], createdAt: 1_700_000_003_000 });
  });

  it('skips system, tool, tool-call, hidden and non-text messages, and keeps the text parts of mixed ones', () => {
    const tree = conversation([
      node('root', null, 'root', []),
      node('u1', 'root', 'user', ['Look at this', { content_type: 'image_asset_pointer', asset_pointer: 'file-service://x' }, 'and tell me']),
      node('a2', 'u1', 'assistant', ['search("x")'], { recipient: 'browser' }),
      node('t3', 'a2', 'tool', ['{"results": []}']),
      node('a4', 't3', 'assistant', ['hidden context'], { metadata: { is_visually_hidden_from_conversation: true } }),
      node('a5', 'a4', 'assistant', ['print(1)'], { content: { content_type: 'code', text: 'print(1)' } }),
      node('a6', 'a5', 'assistant', ['   ']),
      node('a7', 'a6', 'assistant', ['It is a cat.']),
    ]);
    (tree['mapping'] as Record<string, Node>)['u1']!.message!['content'] = {
      content_type: 'multimodal_text',
      parts: ['Look at this', { content_type: 'image_asset_pointer' }, 'and tell me'],
    };
    const [imported] = parseImport(JSON.stringify([tree]));
    expect(imported!.messages.map((m) => [m.id, m.content])).toEqual([
      ['u1', 'Look at this\nand tell me'],
      ['a7', 'It is a cat.'],
    ]);
  });

  it('copes with no current_node, no id, no title and a loop in the parents', () => {
    const nodes = [node('root', null, 'root', []), node('u1', 'root', 'user', ['hello']), node('a2', 'u1', 'assistant', ['hi'])];
    const tree = conversation(nodes, { id: undefined, current_node: undefined, title: null });
    const first = parseImport(JSON.stringify([tree]))[0]!;
    expect(first.title).toBe('Imported from ChatGPT');
    expect(first.id).toMatch(/^chatgpt-[0-9a-f]{32}$/);
    expect(parseImport(JSON.stringify([tree]))[0]!.id).toBe(first.id);
    expect(first.messages.map((m) => m.id)).toEqual(['u1', 'a2']);

    const loop = conversation([node('x1', 'x2', 'user', ['one']), node('x2', 'x1', 'assistant', ['two'])]);
    expect(parseImport(JSON.stringify([loop]))[0]!.messages.map((m) => m.id)).toEqual(['x1', 'x2']);
  });

  it('says what is wrong with a file that is not one', () => {
    expect(errorOf(() => parseImport('PK\u0003\u0004 zip bytes'))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not valid JSON') });
    expect(errorOf(() => parseImport(JSON.stringify([{ title: 'no mapping' }])))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('0.mapping'),
    });
    expect(errorOf(() => parseImport('{"hello": 1}')).message).toContain('not one Parley can import');
    expect(errorOf(() => parseImport('42')).code).toBe('invalid_input');
  });
});
