import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { runBlueprint } from '../../state/blueprintActions';
import { modeKey, useBlueprint } from '../../state/blueprintStore';

/**
 * After a distance-mode switch: the blueprint is kept, solved under the earlier mode, with a
 * one-click re-solve under the current one (issue 9 item 1). Shown at the top of the dock, above
 * its scrolling body and on every tab, where the planner is looking when switching the mode.
 */
export function StaleModeNotice() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const hasRun = useBlueprint((s) => s.run !== null);
  const runMode = useBlueprint((s) => s.runMode);
  const running = useBlueprint((s) => s.running);
  const current = useApp((s) => modeKey(s.mode, s.effort));
  if (!hasRun || runMode === null || runMode === current) return null;
  return (
    <div className="bp-stale" role="status" data-testid="bp-stale" data-solved-under={runMode}>
      <p>{t('blueprint:staleMode', { solved: t(`blueprint:modeName.${runMode}`), current: t(`blueprint:modeName.${current}`) })}</p>
      <button type="button" data-testid="bp-resolve" disabled={running} onClick={() => void runBlueprint()}>
        {t('blueprint:resolve', { current: t(`blueprint:modeName.${current}`) })}
      </button>
    </div>
  );
}
