import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.1 A/AA violations on the page, or inside the element `scope` selects, as
 * `rule (impact): targets`. axe is evaluated through the DevTools protocol, so a page whose CSP
 * allows no inline script (the published site) can be checked too.
 */
export async function axeViolations(page: Page, scope?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const v = await page.evaluate(
    async ([tags, sel]) => {
      const axe = (window as unknown as { axe: { run: (c: Document | string, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run(sel ?? document, { runOnly: { type: 'tag', values: tags } })).violations;
    },
    [WCAG, scope] as const,
  );
  return v.map((x) => `${x.id} (${x.impact}): ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
