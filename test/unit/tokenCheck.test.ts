import { describe, expect, it } from 'vitest';
import { checkToken, type TokenProbe } from '../../electron/core/providers/tokenCheck.ts';

const EVOLINK = 'https://direct.evolink.ai/v1';

/** Answers by path; records what was asked. */
function probe(answers: Record<string, { status: number; body?: unknown } | Error>): { fn: TokenProbe; asked: string[] } {
  const asked: string[] = [];
  const fn: TokenProbe = async (url, token) => {
    asked.push(`${new URL(url).pathname} ${token}`);
    const answer = answers[new URL(url).pathname.split('/').pop() ?? ''] ?? { status: 404 };
    if (answer instanceof Error) throw answer;
    return { status: answer.status, body: answer.body };
  };
  return { fn, asked };
}

describe('checkToken', () => {
  it('401 on /credits: invalid, with the API key page', async () => {
    const { fn, asked } = probe({ credits: { status: 401 } });
    expect(await checkToken(EVOLINK, 'sk-x', fn)).toEqual({
      verdict: 'invalid',
      message: 'direct.evolink.ai did not accept this token.',
      helpUrl: 'https://evolink.ai/dashboard/keys',
    });
    expect(asked).toEqual(['/v1/credits sk-x']);
  });

  it('an empty balance or a 402: no credits, with the billing page', async () => {
    const empty = { data: { token: { remaining_credits: 0, unlimited_credits: false }, user: { remaining_credits: 0 } }, success: true };
    expect(await checkToken(EVOLINK, 't', probe({ credits: { status: 200, body: empty } }).fn)).toMatchObject({
      verdict: 'no_credits',
      helpUrl: 'https://evolink.ai/dashboard/billing',
    });
    expect((await checkToken(EVOLINK, 't', probe({ credits: { status: 402 } }).fn)).verdict).toBe('no_credits');
  });

  it('a balance left: valid', async () => {
    expect((await checkToken(EVOLINK, 't', probe({ credits: { status: 200, body: { balance: 3 } } }).fn)).verdict).toBe('valid');
  });

  it('no /credits: falls back to /models', async () => {
    const { fn, asked } = probe({ models: { status: 401 } });
    expect((await checkToken('https://llm.example.com/v1', 't', fn)).verdict).toBe('invalid');
    expect(asked).toEqual(['/v1/credits t', '/v1/models t']);
    expect(await checkToken('https://llm.example.com/v1', 't', probe({ models: { status: 200, body: { data: [] } } }).fn)).toEqual({
      verdict: 'valid',
      message: 'llm.example.com accepted the token.',
    });
  });

  it('unreachable or nothing to ask: unchecked, never invalid', async () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    const down = await checkToken(EVOLINK, 't', probe({ credits: refused }).fn);
    expect(down.verdict).toBe('unchecked');
    expect(down.message).toContain('refused the connection');
    expect((await checkToken(EVOLINK, 't', probe({}).fn)).verdict).toBe('unchecked');
  });
});
