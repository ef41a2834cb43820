import type { RemovalReason } from './pilotTypes';

/**
 * Art. 8: a pilot leaves the list when (一) 建设进度滞后, (二) 成效不及预期, (三) 不具备可实施性.
 * The project proposes — never decides — removal: `behind_schedule` when construction has
 * not started within a year (art. 12, `start_overdue`), `below_expectation` when the
 * operator still fails after rectification (art. 15, `terminate_contract`). Infeasibility is
 * the district government's finding and is never inferred. Empty: not a candidate.
 */
export function art8RemovalCandidate(f: { startOverdue: boolean; terminateContract: boolean }): RemovalReason[] {
  const out: RemovalReason[] = [];
  if (f.startOverdue) out.push('behind_schedule');
  if (f.terminateContract) out.push('below_expectation');
  return out;
}
