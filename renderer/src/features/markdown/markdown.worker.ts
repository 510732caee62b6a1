// Parses Markdown blocks that would be too slow on the page's thread (see parseCost.ts). The page
// gives up on a block after a time limit and restarts this worker, so a hostile block costs nothing.
import type { ParseRequest, ParseResponse } from './markdownProtocol.ts';
import { toHast } from './pipeline.ts';
import { prepareMath } from './prepareMath.ts';
import { workerScope } from './workerScope.ts';

/** A tree with more nodes than this would hold up the page while React mounts it: stays plain. */
const MAX_NODES = 6_000;

const scope = workerScope<ParseRequest, ParseResponse>();

scope.onmessage = (event) => {
  const { id, markdown } = event.data;
  let root: ParseResponse['root'];
  try {
    const parsed = toHast(prepareMath(markdown));
    root = parsed.nodes <= MAX_NODES ? parsed.root : null;
  } catch {
    root = null;
  }
  scope.postMessage({ id, root });
};
