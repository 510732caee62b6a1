import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { AppErrorException, appError } from '../../shared/errors.ts';
import { cleanDetail, retryAfterMs, toAppError } from '../../electron/core/chat/providerErrors.ts';

const ctx = { baseUrl: 'https://api.evolink.ai/v1', model: 'gpt-5.2', token: 'sk-live-abcdefghijklmnop' };

function statusError(status: number, body: unknown, headers: Record<string, string> = {}, text?: string): APIError {
  return APIError.generate(status, body as object | undefined, text, new Headers({ 'content-type': 'application/json', ...headers }));
}

const providerBody = (message: string) => ({ error: { message, type: 'invalid_request_error', code: 'x' } });

describe('toAppError', () => {
  it('maps HTTP statuses to codes', () => {
    expect(toAppError(statusError(401, providerBody('Invalid key')), ctx)).toEqual({
      code: 'auth_failed',
      message: 'api.evolink.ai rejected the API token.',
      status: 401,
    });
    expect(toAppError(statusError(402, providerBody('Insufficient balance')), ctx)).toEqual({
      code: 'out_of_credits',
      message: 'Your account at api.evolink.ai is out of credits.',
      status: 402,
      helpUrl: 'https://evolink.ai/dashboard/billing',
    });
    const elsewhere = toAppError(statusError(402, providerBody('Insufficient balance')), { baseUrl: 'https://llm.example.com/v1' });
    expect(elsewhere).not.toHaveProperty('helpUrl');
    expect(toAppError(statusError(403, providerBody('No access')), ctx)).toMatchObject({ code: 'forbidden', status: 403 });
    expect(toAppError(statusError(409, providerBody('Conflict')), ctx)).toMatchObject({ code: 'bad_request', status: 409 });
    expect(toAppError(statusError(503, providerBody('Unavailable')), ctx)).toMatchObject({ code: 'provider_error', status: 503 });
  });

  it('names the model and host on 404', () => {
    const error = toAppError(statusError(404, providerBody('The model does not exist')), ctx);
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('"gpt-5.2"');
    expect(error.message).toContain('api.evolink.ai');
  });

  it("includes the provider's own message on other 4xx, trimmed to one short line", () => {
    const long = `Invalid value for 'temperature':\n\n   ${'x'.repeat(1000)}`;
    const error = toAppError(statusError(400, providerBody(long)), ctx);
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain("Invalid value for 'temperature': xxx");
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(400);
  });

  it('never repeats the token', () => {
    const error = toAppError(statusError(400, providerBody(`Bad key ${ctx.token} given`)), ctx);
    expect(error.message).not.toContain(ctx.token);
    expect(cleanDetail('Incorrect API key provided: sk-proj-abc123def456ghi')).not.toContain('abc123def456');
  });

  it('reads Retry-After (seconds and date) and retry-after-ms on 429', () => {
    expect(toAppError(statusError(429, providerBody('slow'), { 'retry-after': '20' }), ctx)).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 20_000,
    });
    expect(toAppError(statusError(429, providerBody('slow'), { 'retry-after-ms': '250' }), ctx).retryAfterMs).toBe(250);
    expect(toAppError(statusError(429, providerBody('slow')), ctx)).not.toHaveProperty('retryAfterMs');
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });

  it('recognises HTML pages from proxies', () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    const error = toAppError(statusError(502, undefined, { 'content-type': 'text/html' }, html), ctx);
    expect(error).toEqual({
      code: 'bad_response',
      status: 502,
      message: 'api.evolink.ai answered with a web page instead of an API response (HTTP 502). Check the API base URL or proxy.',
    });
    const unlabelled = APIError.generate(403, undefined, '<html><body>Blocked</body></html>', new Headers());
    expect(toAppError(unlabelled, ctx).code).toBe('bad_response');
  });

  it('maps connection failures', () => {
    expect(toAppError(new APIConnectionTimeoutError(), ctx).code).toBe('timeout');
    expect(toAppError(new APIUserAbortError(), ctx).code).toBe('cancelled');

    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const error = toAppError(new APIConnectionError({ cause: refused }), ctx);
    expect(error.code).toBe('network');
    expect(error.message).toBe('api.evolink.ai refused the connection: nothing answers at that address.');

    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    expect(toAppError(new APIConnectionError({ cause: dns }), ctx).message).toBe('Could not find api.evolink.ai: the name does not resolve.');

    const aggregate = new TypeError('fetch failed', {
      cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
    });
    expect(toAppError(new APIConnectionError({ cause: aggregate }), ctx).message).toContain('refused');
    expect(toAppError(new APIConnectionError({}), ctx).code).toBe('network');
  });

  it('maps broken streams', () => {
    const streamError = new APIError(undefined, { message: 'overloaded', type: 'server_error' }, undefined, new Headers());
    expect(toAppError(streamError, ctx)).toEqual({ code: 'provider_error', message: 'api.evolink.ai stopped the reply with an error: overloaded' });
    expect(toAppError(new SyntaxError('Unexpected token <'), ctx).code).toBe('bad_response');
    const dropped = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    expect(toAppError(dropped, ctx)).toEqual({ code: 'network', message: 'The connection to api.evolink.ai dropped in the middle of the reply.' });
  });

  it('passes AppErrorExceptions through and hides anything unknown', () => {
    const own = appError('storage', 'Disk full.');
    expect(toAppError(new AppErrorException(own))).toEqual(own);
    const unknown = toAppError(new RangeError('weird internals at line 3'));
    expect(unknown.code).toBe('internal');
    expect(unknown.message).not.toContain('weird internals');
    expect(toAppError('a string').code).toBe('internal');
  });
});
