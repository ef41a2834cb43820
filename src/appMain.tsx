import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import type { Lang } from './i18n/lang';
import './ui/app.css'; // after the components' own styles (maplibre's among them), as before: its rules win

/** The application (React, maplibre, deck.gl: most of the page's code), loaded by main.tsx once the engine worker has its package to fetch. */
export function mountApp(lang: Lang): void {
  initI18n(lang);
  createRoot(document.getElementById('root')!).render(<App />);
}
