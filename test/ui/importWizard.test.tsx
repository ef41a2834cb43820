// @vitest-environment jsdom
/**
 * The wizard's value-word table (ValueWords) on a tiny ledger read by the real engine: the
 * unknown words listed with their rows, a code chosen in a labelled select lands in the entry,
 * in localStorage for the header set and in the request's mapping values; cleared again. And
 * the report view unmounts cleanly when scrollIntoView returns a Promise, as Chromium's does.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../src/i18n';
import { importPackage, inspectSource } from '../../src/engine/index';
import { useImport, type ImportEntry } from '../../src/state/importStore';
import { buildImportRequest, wizardMapping } from '../../src/state/importRequest';
import { rememberValuesKey } from '../../src/state/rememberedMapping';
import { ValueWords } from '../../src/ui/import/ValueWords';
import { ImportReportView } from '../../src/ui/import/ImportReportView';
import { UNKNOWN_WORDS_LEDGER as LEDGER } from '../helpers/unknownWordsLedger';

const bytes = new TextEncoder().encode(LEDGER);

function entry(): ImportEntry {
  const previews = inspectSource([{ name: '台账.csv', bytes }], { previewRows: 5 });
  return { id: 1, name: '台账.csv', files: [], role: 'facilities', columns: {}, values: {}, crs: '', previews, busy: false };
}

/** The first entry of the store, re-rendered as the store changes. */
function Shown() {
  const e = useImport((s) => s.entries[0]);
  return e ? <ValueWords entry={e} /> : null;
}

beforeAll(() => {
  initI18n('zh');
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  useImport.getState().set({ entries: [], result: null });
});

describe('value words in the import wizard', () => {
  it('lists the unknown words, and a chosen code goes into the entry, the remembered choices and the request', () => {
    act(() => useImport.getState().set({ entries: [entry()] }));
    render(<Shown />);
    const table = screen.getByTestId('values-台账.csv');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['services', '理发', '2'],
      ['status', '试营业', '1'],
    ]);
    const select = screen.getByLabelText('台账.csv · services · 理发') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect([...select.options].map((o) => o.value)).toEqual([
      '',
      'elderly_care',
      'childcare',
      'after_school',
      'meals',
      'housekeeping',
      'health',
      'fitness',
      'culture',
      'play',
    ]);
    expect(select.options[5].textContent).toBe('家政便民 (housekeeping)');
    fireEvent.change(select, { target: { value: 'housekeeping' } });
    const e = useImport.getState().entries[0];
    expect(e.values).toEqual({ services: { 理发: 'housekeeping' } });
    expect(JSON.parse(localStorage.getItem(rememberValuesKey('facilities', e.previews[0].header))!)).toEqual({ services: { 理发: 'housekeeping' } });
    // still listed, with its choice, so it can be changed
    expect((screen.getByLabelText('台账.csv · services · 理发') as HTMLSelectElement).value).toBe('housekeeping');
    const withBytes = { ...e, files: [{ name: '台账.csv', bytes }] };
    expect(buildImportRequest([withBytes]).sources[0].mapping).toEqual({ values: { services: { 理发: 'housekeeping' } } });
    expect(wizardMapping([withBytes])).toEqual({ '台账.csv': { values: { services: { 理发: 'housekeeping' } } } });
    fireEvent.change(screen.getByLabelText('台账.csv · services · 理发'), { target: { value: '' } });
    expect(useImport.getState().entries[0].values).toEqual({});
    expect(buildImportRequest([{ ...useImport.getState().entries[0], files: [{ name: '台账.csv', bytes }] }]).sources[0].mapping).toBeUndefined();
  });

  it('does not list words the dropped mapping file already maps', () => {
    act(() => useImport.getState().set({ entries: [{ ...entry(), dropped: { values: { status: { 试营业: 'open' } } } }] }));
    render(<Shown />);
    expect(screen.queryByLabelText('台账.csv · status · 试营业')).toBeNull();
    expect(screen.getByLabelText('台账.csv · services · 理发')).toBeTruthy();
  });
});

describe('the import report', () => {
  it('unmounts cleanly when scrollIntoView returns a Promise (Chromium), as a hint’s fix clearing the report does', async () => {
    const result = await importPackage({ sources: [{ role: 'facilities', files: [{ name: '台账.csv', bytes }] }] });
    const before = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = () => Promise.resolve() as unknown as void;
    try {
      const r = render(<ImportReportView result={result} onDownloadRejected={() => {}} />);
      expect(screen.getByTestId('report-row-台账.csv').textContent).toContain('3');
      expect(() => r.unmount()).not.toThrow();
    } finally {
      Element.prototype.scrollIntoView = before;
    }
  });
});
