import { SERVICES } from '../engine/public';
import { el } from './dom';
import { metresText, svcName, type PanelContext } from './panel';
import { fill } from './strings';

/** "About these figures": data date, the 30 m² per 100 households standard, walking circles, the demand rule. */
export function aboutContent(c: PanelContext, ringsM: number[]): HTMLElement[] {
  const meta = c.meta;
  const sep = c.lang === 'zh' ? '；' : '; ';
  const thresholds = SERVICES.map((s, i) => `${svcName(s, c.lang)} ${meta.policy.thresholdsM[i]} ${c.lang === 'zh' ? '米' : 'm'}`).join(sep);
  const modeText = meta.mode === 'network' ? fill(c.t.modeAboutNetwork, { snap: meta.policy.maxSnapM }) : c.t.modeAboutEuclidean;
  const values = {
    date: meta.dataDate ?? c.t.unknownDate,
    published: meta.published,
    base: meta.policy.areaPer100Households.base,
    enhanced: meta.policy.areaPer100Households.enhanced,
    speed: meta.walk.metresPerMinute,
    m5: metresText(ringsM[0], c.lang),
    m10: metresText(ringsM[1] ?? ringsM[0], c.lang),
    m15: metresText(ringsM[2] ?? ringsM[0], c.lang),
    thresholds,
    modeText,
  };
  return c.t.aboutBody.map((s) => el('p', {}, fill(s, values)));
}
