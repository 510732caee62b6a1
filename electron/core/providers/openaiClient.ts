import OpenAI from 'openai';
import type { ProxyAgents } from './proxyAgents.ts';

export interface ClientTarget {
  baseUrl: string;
  token: string;
  /** Requests go through this proxy when set. */
  proxyUrl?: string;
}

/** An SDK client for one request: no retries of its own (the UI offers them), no ambient
 *  organization or project from the environment, and the proxy when there is one. */
export async function createClient(target: ClientTarget, timeoutMs: number, agents: ProxyAgents): Promise<OpenAI> {
  const proxied = target.proxyUrl ? await agents.for(target.proxyUrl) : undefined;
  return new OpenAI({
    apiKey: target.token,
    baseURL: target.baseUrl,
    timeout: timeoutMs,
    maxRetries: 0,
    organization: null,
    project: null,
    logLevel: 'off',
    ...(proxied ? { fetch: proxied.fetch, fetchOptions: { dispatcher: proxied.dispatcher } } : {}),
  });
}
