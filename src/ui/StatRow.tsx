import type { ReactNode } from 'react';

/** One labelled value of a panel; `testId` lets tests read the value; `title` explains the label on hover. */
export function StatRow({ label, value, testId, note, title }: { label: string; value: ReactNode; testId?: string; note?: ReactNode; title?: string }) {
  return (
    <div className="stat-row">
      <dt title={title}>{label}</dt>
      <dd data-testid={testId}>
        {value}
        {note ? <span className="stat-note"> {note}</span> : null}
      </dd>
    </div>
  );
}
