// Loaded with import() the first time a reply holds math: KaTeX and its stylesheet (and fonts).
import katex from 'katex';
import 'katex/dist/katex.min.css';

const cache = new Map<string, string>();
const CACHE_SIZE = 500;

/**
 * KaTeX's HTML for a formula. Safe to put in the page: KaTeX builds it from TeX and escapes all
 * text, and `trust: false` refuses \href, \url, \includegraphics and \htmlClass and friends.
 * Bad TeX comes back as the source in red rather than throwing.
 */
export function renderMath(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, html);
  }
  return html;
}
