// Shiki in a Web Worker: the grammar is compiled once per language, here, and tokenizing a long code
// block never holds up the page. Core, the JavaScript regex engine (no WebAssembly), two themes;
// each language loaded on first use.
import { createHighlighterCore, type HighlighterCore, type ThemedToken } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { HighlightedLines, HighlightRequest, HighlightResponse } from './highlightProtocol.ts';
import { languageLoader } from './languages.ts';
import { workerScope } from './workerScope.ts';

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
/** GitHub light's comment grey is 4.3:1 on our code background; its newer muted grey passes 4.5:1. */
const COLOR_REPLACEMENTS = { 'github-light-default': { '#6e7781': '#59636e' } };
/** Lines longer than this stay plain: tokenizing minified code costs much and shows little. */
const MAX_LINE_LENGTH = 2_000;

const scope = workerScope<HighlightRequest, HighlightResponse>();
const highlighterReady: Promise<HighlighterCore> = createHighlighterCore({
  themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
  langs: [],
  engine: createJavaScriptRegexEngine({ forgiving: true }),
});
const languages = new Map<string, Promise<boolean>>();

function loadLanguage(highlighter: HighlighterCore, language: string): Promise<boolean> {
  let ready = languages.get(language);
  if (!ready) {
    const load = languageLoader(language);
    ready = load
      ? highlighter.loadLanguage(load()).then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
    languages.set(language, ready);
  }
  return ready;
}

/** shiki writes CSS property names (font-style); React wants them camelCased, custom properties as they are. */
function reactStyle(style: Record<string, string> | undefined): Record<string, string> {
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

scope.onmessage = (event) => {
  const { id, code, language } = event.data;
  void highlighterReady
    .then(async (highlighter) => ((await loadLanguage(highlighter, language)) ? toLines(highlighter, code, language) : null))
    .catch(() => null)
    .then((lines) => scope.postMessage({ id, lines }));
};
