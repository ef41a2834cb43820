import { SERVICES, type ServiceCode } from '../../engine/index';
import { serviceName } from '../format';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/lang';

/** Service checkboxes and a floor area (m²) for a new site. */
export function BundleEditor({ services, areaM2, onChange, testid = 'bundle-editor' }: { services: ServiceCode[]; areaM2: number; onChange: (services: ServiceCode[], areaM2: number) => void; testid?: string }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const toggle = (s: ServiceCode) => {
    const next = services.includes(s) ? services.filter((x) => x !== s) : SERVICES.filter((x) => x === s || services.includes(x));
    if (next.length) onChange(next, areaM2);
  };
  return (
    <div className="bp-bundle" data-testid={testid}>
      <div className="bp-bundle-services">
        {SERVICES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" data-service={s} checked={services.includes(s)} onChange={() => toggle(s)} />
            {serviceName(s, lang)}
          </label>
        ))}
      </div>
      <label className="bp-area">
        <span>{t('blueprint:area')} (m²)</span>
        <input type="number" min={0} step={10} data-testid={`${testid}-area`} value={areaM2} onChange={(e) => Number.isFinite(Number(e.target.value)) && onChange(services, Math.max(0, Number(e.target.value)))} />
      </label>
    </div>
  );
}
