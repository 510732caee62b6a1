import type { Root } from 'hast';
import type { ParseRequest, ParseResponse } from './markdownProtocol.ts';

/** A block the worker has not parsed by then stays plain text for good (the worker is restarted). */
const PARSE_TIMEOUT_MS = 3_000;
const CACHE_ENTRIES = 300;

interface Job {
  id: number;
  markdown: string;
  resolve: (root: Root | null) => void;
}

const cache = new Map<string, Root | null>();
const pending = new Map<string, Promise<Root | null>>();
const queue: Job[] = [];
let worker: Worker | undefined;
let running: Job | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;

function remember(markdown: string, root: Root | null): void {
  cache.delete(markdown);
  cache.set(markdown, root);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? '');
}

function finish(root: Root | null): void {
  const job = running;
  running = undefined;
  clearTimeout(timer);
  job?.resolve(root);
  runNext();
}

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module', name: 'markdown' });
    worker.onmessage = (event: MessageEvent<ParseResponse>) => {
      if (event.data.id === running?.id) finish(event.data.root);
    };
    worker.onerror = () => finish(null);
  }
  return worker;
}

// One block at a time: a slow block is timed out alone, and the others wait behind it briefly.
function runNext(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  running = job;
  const message: ParseRequest = { id: job.id, markdown: job.markdown };
  theWorker().postMessage(message);
  timer = setTimeout(() => {
    worker?.terminate();
    worker = undefined;
    finish(null);
  }, PARSE_TIMEOUT_MS);
}

/** The tree already parsed for this block: undefined if not yet, null if it stays plain. */
export function cachedTree(markdown: string): Root | null | undefined {
  return cache.get(markdown);
}

/** Parses a block in the Markdown worker (once per text). */
export function parseInWorker(markdown: string): Promise<Root | null> {
  const known = cache.get(markdown);
  if (known !== undefined) return Promise.resolve(known);
  let request = pending.get(markdown);
  if (!request) {
    request = new Promise<Root | null>((resolve) => {
      queue.push({ id: nextId++, markdown, resolve });
      runNext();
    }).then((root) => {
      pending.delete(markdown);
      remember(markdown, root);
      return root;
    });
    pending.set(markdown, request);
  }
  return request;
}
