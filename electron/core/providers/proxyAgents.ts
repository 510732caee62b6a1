import type { Dispatcher } from 'undici';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What a request through a proxy needs: undici's own fetch with a ProxyAgent as its dispatcher
 *  (Node's built-in fetch is undici too, but not always the same version as the module). */
export interface ProxiedFetch {
  fetch: Fetch;
  dispatcher: Dispatcher;
}

/** One ProxyAgent (and its connection pool) per proxy address, made on first use. undici is loaded
 *  only then, so Parley pays nothing for it without a proxy. */
export class ProxyAgents {
  readonly #agents = new Map<string, Promise<ProxiedFetch>>();

  for(proxyUrl: string): Promise<ProxiedFetch> {
    let entry = this.#agents.get(proxyUrl);
    if (!entry) {
      entry = import('undici').then((undici) => ({
        dispatcher: new undici.ProxyAgent(proxyUrl),
        fetch: undici.fetch as unknown as Fetch,
      }));
      // A failed load is not kept: the next request tries again.
      entry.catch(() => this.#agents.delete(proxyUrl));
      this.#agents.set(proxyUrl, entry);
    }
    return entry;
  }

  /** A fetch that goes through the proxy when one is given, directly otherwise. */
  async fetch(proxyUrl: string | undefined, url: string, init: RequestInit = {}): Promise<Response> {
    if (!proxyUrl) return fetch(url, init);
    const proxied = await this.for(proxyUrl);
    return proxied.fetch(url, { ...init, dispatcher: proxied.dispatcher } as RequestInit);
  }

  async close(): Promise<void> {
    const entries = [...this.#agents.values()];
    this.#agents.clear();
    await Promise.all(entries.map((entry) => entry.then((p) => p.dispatcher.close()).catch(() => undefined)));
  }
}
