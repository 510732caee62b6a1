// Loaded with import() the first time a reply holds a fenced code block: Shiki's core, the
// JavaScript regex engine (no WebAssembly) and two themes; each language on first use.
import type { CSSProperties } from 'react';
import { createHighlighterCore, type HighlighterCore, type ThemedToken } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { languageLoader, resolveLanguage } from './languages.ts';

export interface Token {
  content: string;
  style: CSSProperties;
}
export type HighlightedLines = Token[][];

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
/** GitHub light's comment grey is 4.3:1 on our code background; its newer muted grey passes 4.5:1. */
const COLOR_REPLACEMENTS = { 'github-light-default': { '#6e7781': '#59636e' } };
/** Lines longer than this stay plain: tokenizing minified code would stall the page. */
const MAX_LINE_LENGTH = 2_000;

let core: HighlighterCore | undefined;
const corePromise = createHighlighterCore({
  themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
  langs: [],
  engine: createJavaScriptRegexEngine({ forgiving: true }),
}).then((highlighter) => (core = highlighter));
const languages = new Map<string, Promise<boolean>>();

/** shiki writes CSS property names (font-style); React wants them camelCased, custom properties as they are. */
function reactStyle(style: Record<string, string> | undefined): CSSProperties {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(style ?? {})) {
    out[name.startsWith('--') ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return out;
}

function toLines(highlighter: HighlighterCore, code: string, language: string): HighlightedLines {
  // light-dark(): each token follows the page's color-scheme, so a theme switch needs no re-highlight.
  const { tokens } = highlighter.codeToTokens(code, {
    lang: language,
    themes: THEMES,
    defaultColor: 'light-dark()',
    colorReplacements: COLOR_REPLACEMENTS,
    tokenizeMaxLineLength: MAX_LINE_LENGTH,
  });
  return tokens.map((line: ThemedToken[]) => line.map((token) => ({ content: token.content, style: reactStyle(token.htmlStyle) })));
}

/** Highlights now if the engine and the language are already here; undefined if they are not (yet). */
export function highlightNow(code: string, tag: string): HighlightedLines | undefined {
  const language = resolveLanguage(tag);
  if (!core || !language || !core.getLoadedLanguages().includes(language)) return undefined;
  return toLines(core, code, language);
}

/** Loads what the tag needs; resolves false for a language Parley does not highlight (or a failed load). */
export function prepare(tag: string): Promise<boolean> {
  const language = resolveLanguage(tag);
  const load = language ? languageLoader(language) : undefined;
  if (!language || !load) return Promise.resolve(false);
  let ready = languages.get(language);
  if (!ready) {
    ready = corePromise.then((highlighter) => highlighter.loadLanguage(load())).then(
      () => true,
      () => false,
    );
    languages.set(language, ready);
  }
  return ready;
}
