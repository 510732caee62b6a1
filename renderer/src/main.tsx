// First: sets up React Refresh in dev from a module, since index.html's CSP refuses inline scripts.
// It is empty in a production build.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client.ts';
import { App } from './app/App.tsx';
import { ServicesProvider } from './app/services.tsx';
import { applyRememberedTheme } from './features/theme/applyTheme.ts';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root.');
applyRememberedTheme();
const { api, connection } = createApiClient();

createRoot(root).render(
  <StrictMode>
    <ServicesProvider api={api} connection={connection}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
