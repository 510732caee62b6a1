import { highlight } from './highlightClient.ts';
import { preloadMath } from './MathView.tsx';
import { renderBlock } from './renderTree.ts';

/**
 * Loads and warms what a first reply needs while the window is idle (KaTeX's chunk and stylesheet,
 * the Markdown pipeline, the highlighting worker and a common grammar), so none of it lands in the
 * middle of a streaming reply as one long task.
 */
export function warmUpRenderer(): void {
  // One piece per idle period, so the warming itself never makes a long task of its own.
  const steps = [
    () => void highlight('const warm = 1;', 'ts'),
    () => renderBlock('Warm **up** `the` [pipeline](https://example.org) and $x$.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n', false),
    preloadMath,
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) requestIdleCallback(next, { timeout: 3_000 });
  };
  next();
}
