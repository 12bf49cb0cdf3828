import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The NHS design system's compiled CSS (bundled by Vite: no CDN, no web fonts; see vite.config.ts),
// then Gatehouse's own layout on top.
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
