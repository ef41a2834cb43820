import { pickPackageFiles } from './pickPackageFiles';
import { useDataCheck } from '../../state/dataCheckStore';

/**
 * The files of a folder or a selection the user opened (button or drop), ready for the engine:
 * the package files only. The ignored names are kept for the data check's note, and the
 * data check is asked to show itself if the package arrives with rejected rows or notes.
 */
export function takePackageFiles(offered: readonly File[], skipped: readonly string[] = []): File[] {
  const { files, ignored } = pickPackageFiles(offered);
  useDataCheck.getState().set({ attemptIgnored: [...ignored, ...skipped], pending: true, open: false });
  return files;
}
