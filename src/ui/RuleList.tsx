import { useTranslation } from 'react-i18next';

export interface RuleItem {
  key: string;
  label: string;
  met: boolean;
}

/** A list of rule checks, each marked met / not met (text, not colour alone). */
export function RuleList({ rules }: { rules: RuleItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="rules" data-testid="rules">
      {rules.map((r) => (
        <li key={r.key} className={r.met ? 'rule met' : 'rule failed'} data-rule={r.key} data-met={r.met}>
          <span className="rule-mark" aria-hidden>
            {r.met ? '✓' : '✗'}
          </span>
          <span className="rule-label">{r.label}</span>
          <span className="rule-state">{r.met ? t('panel.met') : t('panel.failed')}</span>
        </li>
      ))}
    </ul>
  );
}
