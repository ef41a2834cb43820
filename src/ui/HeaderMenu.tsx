import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A header button that shows a small column of further controls under it, so the header stays
 * one row on a 1366-px screen (and on a phone). A disclosure, not an ARIA menu: the items are
 * the ordinary buttons, reached with Tab. While closed the column stays mounted but `hidden`,
 * so a dialog one of its buttons opened (发布公众地图) lives on. Escape (focus back on the
 * button), a click outside or a click on one of its buttons closes it; a button marked
 * `data-keep-open` (复制链接, which says 已复制 in place) leaves it open.
 */
export function HeaderMenu({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <div
      className="header-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button ref={toggle} type="button" data-testid={testId} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {label}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div
        id={id}
        className="header-menu-items"
        data-testid={`${testId}-items`}
        hidden={!open}
        onClick={(e) => {
          const b = (e.target as HTMLElement).closest('button');
          if (b && !b.hasAttribute('data-keep-open')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
