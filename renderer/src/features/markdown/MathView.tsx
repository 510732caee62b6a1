import { memo } from 'react';
import { lazyModule, useLazyModule } from '../../ui/lazyModule.ts';
import type * as KatexModule from './katexRender.ts';

const katexModule = lazyModule<typeof KatexModule>(() => import('./katexRender.ts'));

/** Starts loading KaTeX (and typesets a small formula once it is here, to warm it). */
export function preloadMath(): void {
  const unsubscribe = katexModule.subscribe(() => {
    unsubscribe();
    katexModule.get()?.renderMath('x^2', false);
  });
}

/** A formula typeset by KaTeX; the TeX source shows until KaTeX's chunk has arrived. */
export const MathView = memo(function MathView({ tex, display }: { tex: string; display: boolean }) {
  const katex = useLazyModule(katexModule);
  if (!katex) {
    return display ? (
      <pre className="math math--display math--source">
        <code>{tex}</code>
      </pre>
    ) : (
      <code className="math math--inline math--source">{tex}</code>
    );
  }
  const html = { __html: katex.renderMath(tex, display) };
  // Display math may be wider than the reply: it scrolls, and is focusable so keys can scroll it.
  return display ? (
    <div className="math math--display" tabIndex={0} dangerouslySetInnerHTML={html} />
  ) : (
    <span className="math math--inline" dangerouslySetInnerHTML={html} />
  );
});
