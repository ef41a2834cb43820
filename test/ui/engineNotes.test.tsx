// @vitest-environment jsdom
/**
 * Issue 8 item 4: engine notes reach the 数据检查 dialog as codes and are worded in the UI
 * language (before, they were English sentences parsed back with regexes, and the ones the
 * regexes did not know reached the Chinese UI in English).
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze, loadPackage, resolvePolicy, type PackageFiles } from '../../src/engine/index';
import { initI18n, i18next } from '../../src/i18n';
import { DataCheckDialog } from '../../src/ui/data/DataCheckDialog';
import { mapDataFor } from '../helpers/mapDataFor';
import { fixtureFiles, text, utf8 } from '../helpers/fixtures';

function report(files: PackageFiles) {
  const pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  return mapDataFor(pkg, analysis).report!;
}

beforeAll(() => {
  initI18n('zh');
});
afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('zh'));
});

describe('engine notes in the data check', () => {
  it('a facility outside every community and a look-alike column are worded in Chinese, then in English', async () => {
    const files = fixtureFiles('tiny');
    files['facilities.csv'] = utf8(`${text(files['facilities.csv']).trimEnd().replace('status', 'Status')}\nfar,远郊站,106.7,29.7,250,meals,,,,open\n`);
    const r = report(files);
    expect(r.notes).toEqual([
      { kind: 'engine', note: { code: 'N_COLUMN_LIKE', params: { file: 'facilities.csv', column: 'Status', like: 'status' } } },
      { kind: 'engine', note: { code: 'N_FACILITIES_OUTSIDE', params: { count: 1, areaM2: 250 } } },
      { kind: 'unassigned', count: 2 },
    ]);
    render(<DataCheckDialog report={r} onClose={() => {}} />);
    const items = () =>
      within(screen.getByTestId('data-notes'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(items().slice(0, 2)).toEqual([
      "facilities.csv：列 'Status' 不是 'status'（列名须完全一致），已忽略",
      '1 处设施不在任何社区范围内，其中开放设施的 250 m² 面积不计入任何社区',
    ]);
    await act(() => i18next.changeLanguage('en'));
    expect(items()[1]).toBe('facilities in no community: 1; the 250 m² of the open ones counts for no community');
  });
});
