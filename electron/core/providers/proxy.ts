// Which proxy a request goes through. The proxy setting covers every request; without one, the
// environment's HTTPS_PROXY (https targets) or HTTP_PROXY (http targets) applies, lower-case names
// too, except for hosts in NO_PROXY and this machine itself (a local provider such as Ollama is
// never behind the office proxy).

function envValue(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** An http(s) proxy address, or undefined; "proxy:3128" (no scheme) means http://proxy:3128. */
export function normalizeProxyUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** NO_PROXY: comma- or space-separated hosts (optionally with :port), ".example.com" or
 *  "*.example.com" for a domain and its subdomains, "*" for everything. */
export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\]$/g, ''));
    const pattern = (match?.[1] ?? entry).replace(/^\*?\./, '');
    if (match?.[2] && match[2] !== port) continue;
    if (host === pattern || host.endsWith(`.${pattern}`)) return true;
  }
  return false;
}

/** The proxy for a request to targetUrl, or undefined to go direct. */
export function proxyFor(targetUrl: string, setting: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const configured = normalizeProxyUrl(setting);
  if (configured) return configured;
  let target: URL;
  try {
    target = new URL(targetUrl);
  } catch {
    return undefined;
  }
  const fromEnv =
    target.protocol === 'https:'
      ? envValue(env, 'HTTPS_PROXY', 'https_proxy')
      : envValue(env, 'HTTP_PROXY', 'http_proxy');
  const proxy = normalizeProxyUrl(fromEnv);
  if (!proxy || isLoopbackHost(target.hostname)) return undefined;
  return bypassesProxy(target, envValue(env, 'NO_PROXY', 'no_proxy')) ? undefined : proxy;
}

/** A proxy address safe to show: without its user name and password. */
export function describeProxy(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    return url.host;
  } catch {
    return 'the proxy';
  }
}
