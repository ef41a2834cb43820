/**
 * A wall-clock deadline for a whole command (model building and solver included), with an
 * injectable clock so tests can check that every stage respects it without timing anything.
 */
export interface Deadline {
  /** Current time, ms (default Date.now). */
  now: () => number;
  /** The moment the work must be done by, ms on the same clock. */
  endMs: number;
}

/** A deadline `seconds` from now on `clock` (default Date.now); Infinity seconds never expires. */
export function deadlineAfter(seconds: number, clock: () => number = Date.now): Deadline {
  return { now: clock, endMs: clock() + seconds * 1000 };
}

/** Seconds left before `d` (≤ 0 once passed). */
export function remainingS(d: Deadline): number {
  return (d.endMs - d.now()) / 1000;
}
