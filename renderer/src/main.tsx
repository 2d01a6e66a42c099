import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyDocumentLanguage, localeReady } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/panels.css';

const root = document.getElementById('root');
// The first render waits for the chosen language's table (English is there at once), so no English flashes.
void localeReady().then(() => {
  applyDocumentLanguage();
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
