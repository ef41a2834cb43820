import { createRoot } from 'react-dom/client';
import { useApp } from './state/appStore';
import { App } from './app/App';
import { prestartAnalysis } from './state/prestart';
import { useBlueprint } from './state/blueprintStore';
import { parseView } from './state/viewState';
import { initI18n } from './i18n';
import { exposeForTests } from './state/testHooks';
import './ui/app.css';

const view = parseView(location.search);
useApp.getState().set(view);
// The engine worker starts fetching and analysing the package now, while the map code loads.
prestartAnalysis(view.dataset, view.mode, view.effort);
initI18n(view.lang);
// For the browser tests and the benchmark only (dev server or `?test`, state/testHooks.ts).
exposeForTests('__yulintu', useApp);
exposeForTests('__yulintuBp', useBlueprint);

createRoot(document.getElementById('root')!).render(<App />);
