import { useEffect, useState } from 'react';
import { defaultBundle, type Candidate } from '../../engine/index';
import { toggleCompare } from '../../state/blueprintActions';
import { useBlueprint } from '../../state/blueprintStore';
import { BundleEditor } from './BundleEditor';
import { addCandidate } from '../../state/scenarioActions';
import { bpEngine } from '../../client/bpEngine';
import { useTranslation } from 'react-i18next';

/** In a candidate's panel: a bundle editor and "加入方案", and the comparison checkbox. */
export function CandidateActions({ candidate: c }: { candidate: Candidate }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const inScenario = useBlueprint((s) => s.scenario.added?.find((a) => a.candidateId === c.id));
  const compared = useBlueprint((s) => s.compareIds.includes(c.id));
  const [services, setServices] = useState(() => inScenario?.services ?? defaultBundle(c.areaM2));
  const [area, setArea] = useState(() => inScenario?.areaM2 ?? c.areaM2);
  // The first edit's index and tallies are built while the planner reads the panel (worker-side, once per analysis).
  useEffect(() => {
    void bpEngine()
      .then((e) => e.prepareScenarios?.())
      .catch(() => undefined); // nothing to prepare yet (no analysis): the edit builds it
  }, []);
  const add = () => {
    useBlueprint.getState().set({ open: true, tab: 'scenario' });
    void addCandidate(c.id, services, area);
  };
  return (
    <div className="bp-candidate-actions" data-testid="candidate-actions">
      <label className="check">
        <input type="checkbox" data-testid="compare-check" checked={compared} onChange={() => toggleCompare(c.id)} />
        {t('blueprint:scenario.compare')}
      </label>
      <BundleEditor
        services={services}
        areaM2={area}
        onChange={(s, a) => {
          setServices(s);
          setArea(a);
        }}
        testid="candidate-bundle"
      />
      <button type="button" className="primary" data-testid="add-to-scenario" onClick={add}>
        {inScenario ? t('blueprint:scenario.update') : t('blueprint:scenario.addToScenario')}
      </button>
      {inScenario && <span className="muted"> {t('blueprint:scenario.inScenario')}</span>}
    </div>
  );
}
