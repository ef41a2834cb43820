import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { searchHits, type SearchHit } from './searchHits';

/**
 * Search districts, streets, communities, facilities and candidate sites by name or id. The
 * results are grouped by kind; ↑/↓ move through them, Enter chooses (the first when none is
 * active), Esc closes. Choosing selects the object (its panel opens) and flies the map to it.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const data = useApp((s) => s.data);
  const publicView = useApp((s) => s.view === 'public');
  const set = useApp((s) => s.set);
  const listId = useId();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const hits = useMemo(() => (data ? searchHits(data, q, { noCandidates: publicView }) : []), [q, data, publicView]);
  const choose = (h: SearchHit) => {
    set({ selection: { kind: h.kind, id: h.id }, zoomRequest: useApp.getState().zoomRequest + 1 });
    setQ('');
    setOpen(false);
    setActive(-1);
  };
  const shown = open && q.trim() !== '';
  const optId = (i: number) => `${listId}-o${i}`;
  return (
    <div className="search" role="search">
      <input
        type="search"
        data-testid="search"
        placeholder={t('control.search')}
        aria-label={t('control.search')}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? optId(active) : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && hits.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % hits.length);
          } else if (e.key === 'ArrowUp' && hits.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
          } else if (e.key === 'Enter') {
            const h = hits[active >= 0 ? active : 0];
            if (h) choose(h);
          } else if (e.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      {shown && (
        <ul className="search-results" data-testid="search-results" id={listId} role="listbox" aria-label={t('control.search')}>
          {hits.length === 0 && (
            <li className="muted" role="presentation">
              {t('common.noResult')}
            </li>
          )}
          {hits.map((h, i) => (
            <li key={`${h.kind}:${h.id}`} role="presentation">
              {(i === 0 || hits[i - 1].kind !== h.kind) && (
                <div className="search-group" data-testid={`search-group-${h.kind}`}>
                  {t(`search.group.${h.kind}`)}
                </div>
              )}
              <div
                id={optId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'search-hit on' : 'search-hit'}
                data-kind={h.kind}
                data-id={h.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(h)}
              >
                <span>{h.name}</span>
                {h.detail && <span className="muted"> {h.detail}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
