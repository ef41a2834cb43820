import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { useBlueprint } from '../state/blueprintStore';
import { MEASURES, type Measure, type SelectLevel } from '../state/viewState';
import { SERVICES, type ServiceCode } from '../engine/index';
import { DistanceModeSwitch } from './DistanceModeSwitch';
import { LayerSwitches } from './LayerSwitches';
import { Legend } from './Legend';
import { WalkTool } from './network/WalkTool';
import { serviceName } from './format';
import { useLang } from '../i18n/lang';
import { useMediaQuery } from './useMediaQuery';

/** Up to this window width, opening the blueprint dock folds the control panel to its rail. */
export const RAIL_WITH_DOCK_QUERY = '(max-width: 1366px)';

/**
 * The left column: service and measure, distance mode, click level, layers and legends.
 * Folds to a narrow rail that keeps only the distance modes (switched with a blueprint or a
 * scenario open): by the user's « button, or by itself while the blueprint dock is open on a
 * window up to 1366 px wide, so the map keeps its width beside the dock (issue 9 item 18).
 */
export function ControlPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const service = useApp((s) => s.service);
  const measure = useApp((s) => s.measure);
  const selectLevel = useApp((s) => s.selectLevel);
  const set = useApp((s) => s.set);
  const bpOpen = useBlueprint((s) => s.open);
  const dockShown = useApp((s) => s.data !== null && s.view !== 'public'); // BlueprintDock's own condition
  const dockOpen = bpOpen && dockShown;
  const narrow = useMediaQuery(RAIL_WITH_DOCK_QUERY);
  /** The user's choice; 'auto' folds with the dock on a narrow window. */
  const [fold, setFold] = useState<'auto' | 'open' | 'rail'>('auto');
  const rail = fold === 'rail' || (fold === 'auto' && dockOpen && narrow);
  const toggle = (
    <button
      type="button"
      className="panel-fold"
      data-testid="control-fold"
      aria-expanded={!rail}
      aria-controls="control-panel"
      aria-label={rail ? t('control.expand') : t('control.collapse')}
      title={rail ? t('control.expand') : t('control.collapse')}
      onClick={() => setFold(rail ? 'open' : 'rail')}
    >
      {rail ? '»' : '«'}
    </button>
  );
  if (rail) {
    return (
      <nav id="control-panel" className="control-panel rail" data-testid="control-panel" aria-label={t('control.layers')}>
        {toggle}
        <DistanceModeSwitch />
      </nav>
    );
  }
  return (
    <nav id="control-panel" className="control-panel" data-testid="control-panel" aria-label={t('control.layers')}>
      {toggle}
      <label className="field">
        <span>{t('control.service')}</span>
        <select data-testid="service-select" value={service} onChange={(e) => set({ service: e.target.value as ServiceCode })}>
          {SERVICES.map((s) => (
            <option key={s} value={s}>
              {serviceName(s, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('control.measure')}</span>
        <select data-testid="measure-select" value={measure} onChange={(e) => set({ measure: e.target.value as Measure })}>
          {MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`measure.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <DistanceModeSwitch />
      <WalkTool />
      <div className="field">
        <span>{t('control.selectLevel')}</span>
        <div className="segmented" role="radiogroup">
          {(['community', 'street', 'district'] as SelectLevel[]).map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={selectLevel === l}
              className={selectLevel === l ? 'on' : ''}
              onClick={() => set({ selectLevel: l })}
            >
              {t(`level.${l}`)}
            </button>
          ))}
        </div>
      </div>
      <LayerSwitches />
      <Legend />
    </nav>
  );
}
