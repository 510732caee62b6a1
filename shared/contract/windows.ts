// Which calls and events each window gets: checked in main for every call, and the preload exposes
// only these. Channel names only (no zod), so the preload can import it.
import { callChannels, eventChannels } from './channels.ts';

type CallChannel = (typeof callChannels)[number];
type EventChannel = (typeof eventChannels)[number];

export const windowKinds = ['main', 'quick'] as const;
export type WindowKind = (typeof windowKinds)[number];

export interface WindowApiList {
  calls: readonly CallChannel[];
  events: readonly EventChannel[];
}

/** What only the quick prompt does with itself (hiding it is harmless from anywhere). */
const QUICK_ONLY_CALLS: readonly CallChannel[] = ['quick:setPinned', 'quick:openInMain'];

/** The quick prompt asks, shows the reply, and can hand the conversation to the main window: it may
 *  not touch the token, settings, providers, the trash or exports. */
const QUICK_CALLS: readonly CallChannel[] = [
  'app:info',
  'settings:get',
  'chat:send',
  'chat:cancel',
  'chat:continue',
  'chat:edit',
  'chat:regenerate',
  'conversations:get',
  'conversations:selectBranch',
  'quick:hide',
  ...QUICK_ONLY_CALLS,
];

export const windowApi: Record<WindowKind, WindowApiList> = {
  main: {
    calls: callChannels.filter((c) => !QUICK_ONLY_CALLS.includes(c)),
    events: eventChannels.filter((e) => e !== 'quick:shown'),
  },
  quick: {
    calls: QUICK_CALLS,
    events: ['chat:event', 'conversations:changed', 'quick:shown'],
  },
};

export function mayCall(kind: WindowKind, channel: string): boolean {
  return (windowApi[kind].calls as readonly string[]).includes(channel);
}

/** The page a window shows decides its kind: quick.html is the quick prompt, anything else the main window. */
export function windowKindOfPath(pathname: string): WindowKind {
  return pathname.endsWith('/quick.html') ? 'quick' : 'main';
}
