import { PLAUSIBLE_LIMITS } from '../../engine/index';

/** Why a typed floor area was refused. */
export type AreaRefusal = 'empty' | 'notNumber' | 'notPositive' | 'tooLarge';

/**
 * Read a floor area typed into a bundle editor, m². Accepts a positive finite number no larger
 * than the data contract's plausibility limit (PLAUSIBLE_LIMITS.areaM2 = 1,000,000 m²); an empty
 * field, text, zero or less, or a larger value is refused (never read as 0).
 */
export function parseAreaInput(text: string): { ok: true; areaM2: number } | { ok: false; reason: AreaRefusal } {
  const s = text.trim().replace(/[,，\s]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  const v = Number(s);
  if (!Number.isFinite(v)) return { ok: false, reason: 'notNumber' };
  if (v <= 0) return { ok: false, reason: 'notPositive' };
  if (v > PLAUSIBLE_LIMITS.areaM2) return { ok: false, reason: 'tooLarge' };
  return { ok: true, areaM2: v };
}
