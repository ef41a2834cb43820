import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setEntryCrs } from '../../state/importActions';
import type { ImportEntry } from '../../state/importStore';

const NAMED = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;

/** One file's CRS: the file's own (declared .prj / GeoJSON crs, else WGS84), a named system, or an EPSG code. */
export function CrsSelect({ entry }: { entry: ImportEntry }) {
  const { t } = useTranslation('import');
  const isEpsg = /^EPSG:/i.test(entry.crs);
  const [code, setCode] = useState(isEpsg ? entry.crs.slice(5) : '');
  const declared = entry.previews[0]?.declaredCrs;
  const value = isEpsg ? 'epsg' : entry.crs;
  return (
    <div className="import-crs" data-testid={`crs-${entry.name}`}>
      <strong className="import-crs-name">{entry.name}</strong>
      <select
        aria-label={`${t('crs')} · ${entry.name}`}
        data-testid={`crs-select-${entry.name}`}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'epsg') setEntryCrs(entry.id, code ? `EPSG:${code}` : 'EPSG:4545');
          else setEntryCrs(entry.id, v);
          if (v === 'epsg' && !code) setCode('4545');
        }}
      >
        <option value="">{t('crsOwn')}</option>
        {NAMED.map((c) => (
          <option key={c} value={c}>
            {t(`crsNames.${c}`)}
          </option>
        ))}
        <option value="epsg">{t('epsg')}</option>
      </select>
      {value === 'epsg' && (
        <label className="import-epsg">
          EPSG:
          <input
            inputMode="numeric"
            size={6}
            aria-label={t('epsg')}
            value={code}
            onChange={(e) => {
              const c = e.target.value.replace(/\D/g, '');
              setCode(c);
              if (c) setEntryCrs(entry.id, `EPSG:${c}`);
            }}
          />
        </label>
      )}
      <span className="muted">{declared ? t('declared', { crs: declared }) : t('noDeclared')}</span>
    </div>
  );
}
