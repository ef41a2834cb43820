import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useApp } from './app/store';
import { parseView } from './app/viewState';
import { initI18n } from './i18n';
import './ui/app.css';

const view = parseView(location.search);
useApp.getState().set(view);
initI18n(view.lang);
// For the browser tests and the benchmark: read-only access to the app state.
(window as unknown as { __yulintu?: unknown }).__yulintu = useApp;

createRoot(document.getElementById('root')!).render(
  <App />,
);
