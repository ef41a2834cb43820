import { useId, useState } from 'react';
import { PLAUSIBLE_LIMITS, SERVICES, type ServiceCode } from '../../engine/index';
import { fmtNum, serviceName } from '../format';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/lang';
import { parseAreaInput, type AreaRefusal } from './parseAreaInput';

/**
 * Service checkboxes and a floor area (m²) for a new site. A service toggle is one change; the
 * area is typed freely and becomes one change on Enter or when the field loses focus (so typing
 * 1200 is one edit, not four). An empty, non-numeric, non-positive or implausibly large area is
 * refused with a message next to the field and never passed on; Esc restores the saved value.
 */
export function BundleEditor({
  services,
  areaM2,
  onChange,
  testid = 'bundle-editor',
}: {
  services: ServiceCode[];
  areaM2: number;
  onChange: (services: ServiceCode[], areaM2: number) => void;
  testid?: string;
}) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const msgId = useId();
  /** The text being typed; null when the field shows the saved area. */
  const [draft, setDraft] = useState<string | null>(null);
  const [refused, setRefused] = useState<AreaRefusal | null>(null);
  const toggle = (s: ServiceCode) => {
    const next = services.includes(s) ? services.filter((x) => x !== s) : SERVICES.filter((x) => x === s || services.includes(x));
    if (next.length) onChange(next, areaM2);
  };
  const commitArea = () => {
    if (draft === null) return;
    const r = parseAreaInput(draft);
    if (!r.ok) {
      setRefused(r.reason);
      return;
    }
    setDraft(null);
    setRefused(null);
    if (r.areaM2 !== areaM2) onChange(services, r.areaM2);
  };
  const revert = () => {
    setDraft(null);
    setRefused(null);
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
      <label className="bp-area" title={t('blueprint:areaHint')}>
        <span>{t('blueprint:area')} (m²)</span>
        <input
          type="text"
          inputMode="decimal"
          data-testid={`${testid}-area`}
          value={draft ?? String(areaM2)}
          aria-invalid={refused !== null}
          aria-describedby={refused ? msgId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setRefused(null);
          }}
          onBlur={commitArea}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitArea();
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              revert();
            }
          }}
        />
      </label>
      {refused && (
        <div className="bp-field-error" role="alert" id={msgId} data-testid={`${testid}-area-error`}>
          {t(`blueprint:areaRefused.${refused}`, { max: fmtNum(PLAUSIBLE_LIMITS.areaM2, lang) })}
        </div>
      )}
    </div>
  );
}
