import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';

/**
 * The public view on a phone: a bar under the map with a labelled button that opens a sheet
 * over the map's lower part, holding the service chooser, layers and legend (ControlPanel) and
 * the details of what was clicked (SidePanel). The map keeps the rest of the screen. A new
 * selection on the map opens the sheet at its details; the bar's button or Escape closes it.
 * While closed the sheet stays mounted but `hidden` (out of the tab order).
 */
export function PhoneSheet({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const selection = useApp((s) => s.selection);
  const body = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // a selection from the link: the map first, the sheet closed
      return;
    }
    if (!selection) return;
    setOpen(true);
    requestAnimationFrame(() => body.current?.querySelector('.side-panel')?.scrollIntoView({ block: 'start' }));
  }, [selection]);
  return (
    <section
      className={`phone-sheet${open ? ' open' : ''}`}
      aria-label={t('phone.sheet')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="phone-sheet-toggle"
        data-testid="phone-sheet-toggle"
        aria-expanded={open}
        aria-controls="phone-sheet-body"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▴ '}</span>
        {t('phone.sheet')}
      </button>
      <div id="phone-sheet-body" className="phone-sheet-body" data-testid="phone-sheet-body" ref={body} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
