import type { ReactNode } from 'react';

/** One labelled value of a panel; `testId` lets tests read the value. */
export function StatRow({ label, value, testId, note }: { label: string; value: ReactNode; testId?: string; note?: ReactNode }) {
  return (
    <div className="stat-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {value}
        {note ? <span className="stat-note"> {note}</span> : null}
      </dd>
    </div>
  );
}
