import { useApp } from '../../state/appStore';
import { useDataCheck } from '../../state/dataCheckStore';
import { LoadErrorDialog } from './LoadErrorDialog';

/** The load error of the app store, if any, as a dialog; closing it returns to the map as it was. */
export function LoadError() {
  const status = useApp((s) => s.status);
  const error = useApp((s) => s.error);
  const kept = useApp((s) => s.data !== null);
  const ignored = useDataCheck((s) => s.attemptIgnored);
  if (status !== 'error' || !error) return null;
  return <LoadErrorDialog error={error} kept={kept} ignored={ignored} onClose={() => useApp.getState().set({ status: 'ready', error: null })} />;
}
