import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { ConfirmTokenMove, TokenMove } from '../core/providers/tokenBinding.ts';

const KEEP = 1;

export function tokenMoveDialogOptions(move: TokenMove): MessageBoxOptions {
  const names = move.providers.join(', ');
  const where = move.via === 'proxy' ? `through a new proxy, ${move.to}` : `to ${move.to} instead of ${move.from}`;
  return {
    type: 'warning',
    title: 'Parley',
    message: `Send your token ${where}?`,
    detail: `The token saved for ${names} was saved for ${move.from}. Keep it only if you trust ${move.to}; otherwise Parley forgets it and you enter it again.`,
    buttons: ['Forget the token', 'Keep the token'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The desktop app's question before a stored token goes to another host: a native dialog in main,
 *  which no page can answer for the user (the page's keepToken is ignored). */
export function tokenMoveDialog(parent: () => BrowserWindow | undefined): ConfirmTokenMove {
  return async (move) => {
    const options = tokenMoveDialogOptions(move);
    const window = parent();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === KEEP;
  };
}
