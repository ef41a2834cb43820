import { createRoot } from 'react-dom/client';
import { useApp } from './app/store';
import { App } from './app/App';
import { prestartAnalysis } from './app/prestart';
import { useBlueprint } from './ui/blueprint/blueprintStore';
import { parseView } from './app/viewState';
import { initI18n } from './i18n';
import './ui/app.css';

const view = parseView(location.search);
useApp.getState().set(view);
// The engine worker starts fetching and analysing the package now, while the map code loads.
prestartAnalysis(view.dataset, view.mode, view.effort);
initI18n(view.lang);
// For the browser tests and the benchmark: read-only access to the app state.
(window as unknown as { __yulintu?: unknown }).__yulintu = useApp;
(window as unknown as { __yulintuBp?: unknown }).__yulintuBp = useBlueprint;

createRoot(document.getElementById('root')!).render(<App />);
