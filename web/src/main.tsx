import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/query-client.ts';
// The page's own styles first; each component's follow with it.
import './styles/base.css';
import { App } from './app.tsx';
import { ConnectionNotice } from './components/connection-notice.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
      <ConnectionNotice />
    </QueryClientProvider>
  </StrictMode>,
);
