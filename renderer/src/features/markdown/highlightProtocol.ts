/** One coloured piece of a line: its text and its inline style (camelCased, ready for React). */
export interface Token {
  content: string;
  style: Record<string, string>;
}
export type HighlightedLines = Token[][];

export interface HighlightRequest {
  id: number;
  code: string;
  /** A grammar name from languages.ts (already resolved from the fence's tag). */
  language: string;
}

/** lines null: the language could not be loaded, the code stays plain. */
export interface HighlightResponse {
  id: number;
  lines: HighlightedLines | null;
}
