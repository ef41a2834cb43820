import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';

/** Search communities by name or code; choosing one selects it and zooms to it. */
export function SearchBox() {
  const { t } = useTranslation();
  const data = useApp((s) => s.data);
  const set = useApp((s) => s.set);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const hits = useMemo(() => {
    const s = q.trim().toLowerCase();
    if (!s || !data) return [];
    return data.communities.features
      .map((f) => f.properties)
      .filter((p) => p.name.toLowerCase().includes(s) || p.id.toLowerCase().includes(s))
      .slice(0, 12);
  }, [q, data]);
  const choose = (id: string) => {
    set({ selection: { kind: 'community', id }, zoomRequest: useApp.getState().zoomRequest + 1 });
    setQ('');
    setOpen(false);
  };
  return (
    <div className="search" role="search">
      <input
        type="search"
        data-testid="search"
        placeholder={t('control.search')}
        aria-label={t('control.search')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) choose(hits[0].id);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && q.trim() && (
        <ul className="search-results" data-testid="search-results">
          {hits.length === 0 && <li className="muted">{t('common.noResult')}</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" onClick={() => choose(h.id)}>
                <span>{h.name}</span>
                <span className="muted"> {h.street} · {h.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
