// First: sets up React Refresh in dev from a module, since quick.html's CSP refuses inline scripts.
// It is empty in a production build.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client.ts';
import { ServicesProvider } from '../app/services.tsx';
import { applyRememberedTheme } from '../features/theme/applyTheme.ts';
import { QuickPrompt } from './QuickPrompt.tsx';
import '../styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('quick.html has no #root.');
applyRememberedTheme();
const { api, connection } = createApiClient();

createRoot(root).render(
  <StrictMode>
    <ServicesProvider api={api} connection={connection}>
      <QuickPrompt />
    </ServicesProvider>
  </StrictMode>,
);
