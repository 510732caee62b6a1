import { useCallback, useEffect, useState } from 'react';
import type { AuthStatus } from '../../../shared/contract/auth.ts';
import { ChatView } from '../features/chat/ChatView.tsx';
import { ConversationSidebar } from '../features/conversations/ConversationSidebar.tsx';
import { useConversationList } from '../features/conversations/useConversationList.ts';
import { useOpenRequests } from '../features/conversations/useOpenRequests.ts';
import { focusComposer } from '../features/composer/focusComposer.ts';
import { FirstRun } from '../features/firstRun/FirstRun.tsx';
import { ConnectionBanner } from '../features/notices/ConnectionBanner.tsx';
import { NoticeBanners } from '../features/notices/NoticeBanners.tsx';
import { useNotices } from '../features/notices/useNotices.ts';
import { SettingsDialog } from '../features/settings/SettingsDialog.tsx';
import { providerIdOf, type OpenSettings, type SettingsTarget } from '../features/settings/settingsTarget.ts';
import { useTheme } from '../features/theme/useTheme.ts';
import { isDialogOpen, isMacPlatform, isShortcut, useWindowKeydown } from './keyboard.ts';
import { useAuthStatus } from './useAuthStatus.ts';
import { useCurrentConversation } from './useCurrentConversation.ts';
import { useHasHistory } from './useHasHistory.ts';
import { useSidebarOpen } from './useSidebarOpen.ts';
import { SidebarIcon } from '../ui/icons.tsx';
import { ShortcutSheet } from '../ui/ShortcutSheet.tsx';
import './app.css';
import '../ui/sidebarIcons.css';

export function App() {
  const [auth, setAuthStatus, retryAuth] = useAuthStatus();
  const { notices, dismiss } = useNotices();
  const [settings, setSettings] = useState<SettingsTarget | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const openSettings = useCallback<OpenSettings>((target) => setSettings({ providerId: providerIdOf(target) }), []);
  const closeSettings = useCallback(() => {
    setSettings(null);
    setSettingsVersion((n) => n + 1);
  }, []);
  useTheme(settingsVersion);
  const noToken = auth.state === 'ready' && !auth.status.hasToken;
  const hasHistory = useHasHistory(noToken);
  // After the commit that removed the dialog (and its own focus restore), whatever closed it.
  useEffect(() => {
    if (settingsVersion > 0) focusComposer();
  }, [settingsVersion]);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useWindowKeydown((event) => {
    if (isDialogOpen()) return;
    if (isShortcut(event, ',')) {
      event.preventDefault();
      openSettings();
    } else if (isShortcut(event, '/')) {
      event.preventDefault();
      setShortcutsOpen(true);
    }
  });

  return (
    <div className="app">
      <ConnectionBanner />
      <NoticeBanners notices={notices} onDismiss={dismiss} />
      {auth.state === 'loading' && <div className="app__loading" aria-busy="true" />}
      {auth.state === 'failed' && (
        <main className="app__failed">
          <p role="alert">Parley could not start: {auth.error.message}</p>
          <button type="button" className="button" onClick={retryAuth}>
            Try again
          </button>
        </main>
      )}
      {auth.state === 'ready' &&
        (auth.status.hasToken || hasHistory ? (
          <Workspace onOpenSettings={openSettings} tokenMissing={!auth.status.hasToken} />
        ) : (
          hasHistory === false && <FirstRun onDone={setAuthStatus} onOpenSettings={openSettings} settingsVersion={settingsVersion} />
        ))}
      {shortcutsOpen && (
        <ShortcutSheet
          onClose={() => {
            setShortcutsOpen(false);
            focusComposer();
          }}
        />
      )}
      {settings && (
        <SettingsDialog providerId={settings.providerId} onClose={closeSettings} onAuthChange={(status: AuthStatus) => setAuthStatus(status)} />
      )}
    </div>
  );
}

function Workspace({ onOpenSettings, tokenMissing }: { onOpenSettings: OpenSettings; tokenMissing: boolean }) {
  const { conversations, error } = useConversationList();
  const [currentId, select] = useCurrentConversation();
  const newChat = useCallback(() => {
    select(null);
    focusComposer();
  }, [select]);
  // The quick prompt's "Open in main window" and the tray's "New chat" (desktop app).
  useOpenRequests(select, newChat);
  const [sidebarOpen, toggleSidebar] = useSidebarOpen();
  useWindowKeydown((event) => {
    if (isDialogOpen()) return;
    if (isShortcut(event, 'n')) {
      event.preventDefault();
      newChat();
    } else if (isShortcut(event, 'b')) {
      event.preventDefault();
      toggleSidebar();
    }
  });
  return (
    <div className="workspace" data-sidebar={sidebarOpen ? 'open' : 'closed'}>
      <div className="workspace__sidebar" id="workspace-sidebar" hidden={!sidebarOpen}>
        <ConversationSidebar
        conversations={conversations}
        error={error}
        currentId={currentId}
        onSelect={select}
        onNewChat={newChat}
        onOpenSettings={onOpenSettings}
        />
      </div>
      <main className="workspace__main">
        <button
          type="button"
          className="icon-button workspace__toggle"
          aria-label={sidebarOpen ? 'Hide sidebar' : 'Show sidebar'}
          title={`${sidebarOpen ? 'Hide' : 'Show'} sidebar (${isMacPlatform() ? '⌘' : 'Ctrl+'}B)`}
          aria-expanded={sidebarOpen}
          aria-controls="workspace-sidebar"
          onClick={toggleSidebar}
        >
          <SidebarIcon />
        </button>
        <ChatView conversationId={currentId} onConversationCreated={select} onOpenSettings={onOpenSettings} />
        {tokenMissing && (
          <p className="token-missing" role="status">
            No API token is set, so Parley cannot send. Your conversations stay readable.
            <button type="button" className="link-button" onClick={() => onOpenSettings()}>
              Add a token in Settings
            </button>
          </p>
        )}
      </main>
    </div>
  );
}
