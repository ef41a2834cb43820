import { createRoot } from 'react-dom/client';
import { useApp } from './state/appStore';
import { App } from './app/App';
import { prestartAnalysis } from './state/prestart';
import { useBlueprint } from './state/blueprintStore';
import { parseView } from './state/viewState';
import { projectPackage, restoreOnLoad, startAutosave } from './state/projects/projectSession';
import { initI18n } from './i18n';
import { exposeForTests } from './state/testHooks';
import './ui/app.css';

// For the browser tests and the benchmark only (dev server or `?test`, state/testHooks.ts).
exposeForTests('__yulintu', useApp);
exposeForTests('__yulintuBp', useBlueprint);

async function start(): Promise<void> {
  useApp.getState().set(parseView(location.search));
  // The kept working state (IndexedDB): the link's project, or the last one on a bare reopen.
  await restoreOnLoad(location.search);
  const view = useApp.getState();
  // The engine worker starts fetching and analysing the package now, while the map code loads
  // (an opened folder kept in the project goes to the worker from App, as bytes).
  if (projectPackage().kind === 'url') prestartAnalysis(view.dataset, view.mode, view.effort);
  initI18n(view.lang);
  startAutosave();
  createRoot(document.getElementById('root')!).render(<App />);
}
void start();
