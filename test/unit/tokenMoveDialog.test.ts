// The desktop app's token question is main's own native dialog: "Keep the token" (button 1) keeps
// it, anything else (the default, Escape) forgets it.
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const shown: Array<{ parent: boolean; options: MessageBoxOptions }> = [];
let answer = 0;

vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (...args: [BrowserWindow, MessageBoxOptions] | [MessageBoxOptions]): Promise<MessageBoxReturnValue> => {
      shown.push(args.length === 2 ? { parent: true, options: args[1] } : { parent: false, options: args[0] });
      return { response: answer, checkboxChecked: false };
    },
  },
}));

const { tokenMoveDialog } = await import('../../electron/main/tokenMoveDialog.ts');
const move = { providers: ['Spare'], from: 'api.evolink.ai', to: 'evil.example', via: 'base-url' as const };

describe('tokenMoveDialog', () => {
  it('keeps the token only when the user picks "Keep the token"', async () => {
    const ask = tokenMoveDialog(() => ({}) as BrowserWindow);
    answer = 1;
    expect(await ask(move)).toBe(true);
    answer = 0;
    expect(await ask(move)).toBe(false);
    const { options, parent } = shown.at(-1)!;
    expect(parent).toBe(true);
    expect(options.buttons?.[1]).toBe('Keep the token');
    expect(options.defaultId).toBe(0);
    expect(options.cancelId).toBe(0);
    expect(`${options.message} ${options.detail}`).toContain('evil.example');
  });

  it('still asks without a window to attach to', async () => {
    answer = 0;
    expect(await tokenMoveDialog(() => undefined)(move)).toBe(false);
    expect(shown.at(-1)?.parent).toBe(false);
  });
});
