import type { Root } from 'hast';

export interface ParseRequest {
  id: number;
  markdown: string;
}

/** root null: the tree is too large to render at once, the block stays plain text. */
export interface ParseResponse {
  id: number;
  root: Root | null;
}
