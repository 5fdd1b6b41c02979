// Entry of the web client: i18n, the core client (its worker starts here), a request that
// the browser keep our storage (navigator.storage.persist(); the status bar shows the answer),
// and the React app. The service worker (vite-plugin-pwa) is registered by the injected script.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createClient } from './core/client';
import { setupI18n } from './i18n';
import './styles.css';

setupI18n();
if (navigator.storage?.persist) void navigator.storage.persist().catch(() => false);
const client = createClient();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
