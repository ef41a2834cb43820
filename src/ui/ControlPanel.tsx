import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { MEASURES, type Measure, type SelectLevel } from '../state/viewState';
import { SERVICES, type ServiceCode } from '../engine/index';
import { DistanceModeSwitch } from './DistanceModeSwitch';
import { LayerSwitches } from './LayerSwitches';
import { Legend } from './Legend';
import { WalkTool } from './network/WalkTool';
import { serviceName } from './format';
import { useLang } from '../i18n/lang';

/** The left column: service and measure, distance mode, click level, layers and legends. */
export function ControlPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const service = useApp((s) => s.service);
  const measure = useApp((s) => s.measure);
  const selectLevel = useApp((s) => s.selectLevel);
  const set = useApp((s) => s.set);
  return (
    <nav className="control-panel" aria-label={t('control.layers')}>
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
