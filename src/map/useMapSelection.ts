import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../state/appStore';
import type { Selection } from '../state/viewState';

/**
 * The selection as the map shows it: one painted frame behind the store. A click first paints
 * the side panel (a lookup, cheap), and only then does the map redraw its selection outline,
 * which in software WebGL costs a whole frame of the map; so the panel never waits for it.
 */
export function useMapSelection(): { selection: Selection | null; facility: Selection | null } {
  const selection = useApp((s) => s.selection);
  const [shown, setShown] = useState(selection);
  useEffect(() => {
    if (shown === selection) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(selection), 0); // after the frame with the panel is drawn
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [selection, shown]);
  // deck.gl only draws something for a selected facility (its walking circle): other selections leave its layers alone.
  const facilityId = shown?.kind === 'facility' ? shown.id : null;
  const facility = useMemo<Selection | null>(() => (facilityId === null ? null : { kind: 'facility', id: facilityId }), [facilityId]);
  return { selection: shown, facility };
}
