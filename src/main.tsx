import { useApp } from './state/appStore';
import { prestartAnalysis } from './state/prestart';
import { useBlueprint } from './state/blueprintStore';
import { parseView } from './state/viewState';
import { projectPackage, restoreOnLoad, startAutosave } from './state/projects/projectSession';
import { exposeForTests } from './state/testHooks';

// For the browser tests and the benchmark only (dev server or `?test`, state/testHooks.ts).
exposeForTests('__yulintu', useApp);
exposeForTests('__yulintuBp', useBlueprint);

async function start(): Promise<void> {
  useApp.getState().set(parseView(location.search));
  // The kept working state (IndexedDB): the link's project, or the last one on a bare reopen.
  await restoreOnLoad(location.search);
  const view = useApp.getState();
  // The engine worker starts fetching and analysing the package now; the application's code
  // (React, maplibre, deck.gl: ~3 MB, a second of parsing on a slow machine) is fetched and
  // run only after, in its own chunk, so the worker does not wait for it (an opened folder
  // kept in the project goes to the worker from App, as bytes).
  if (projectPackage().kind === 'url') prestartAnalysis(view.dataset, view.mode, view.effort);
  let app: typeof import('./appMain');
  try {
    app = await import('./appMain');
  } catch (err) {
    // Its chunk did not load (the server gone, a rebuild meanwhile): say so rather than a blank page. As text, never HTML.
    document.getElementById('root')!.textContent =
      `渝邻图的程序未能加载，请刷新页面重试。 / The map's code could not be loaded; reload the page. (${String(err)})`;
    throw err;
  }
  app.mountApp(view.lang);
  startAutosave();
}
void start();
