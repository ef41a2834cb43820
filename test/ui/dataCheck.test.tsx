// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n, i18next } from '../../src/i18n';
import { analyze, loadPackage, resolvePolicy, type PackageFiles } from '../../src/engine/index';
import { EngineError, REJECT_REASONS } from '../../src/engine/index';
import { mapDataFor } from '../helpers/mapDataFor';
import { DataCheckDialog } from '../../src/ui/data/DataCheckDialog';
import { DataCheck, DataCheckButton } from '../../src/ui/data/DataCheck';
import { LoadError } from '../../src/ui/data/LoadError';
import { useDataCheck } from '../../src/state/dataCheckStore';
import { pickPackageFiles } from '../../src/ui/data/pickPackageFiles';
import { takePackageFiles } from '../../src/ui/data/takePackageFiles';
import { REJECTED_PAGE_SIZE } from '../../src/ui/data/RejectedTable';
import { useApp } from '../../src/state/appStore';
import { FIXTURES, fixtureFiles, text, utf8 } from '../helpers/fixtures';
import { encodeGbk } from '../helpers/gbk';
import { tinyPackageFiles } from './tinyPackage';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The real engine on a package, packed for the map as the worker does. */
function mapData(files: PackageFiles, mode: 'euclidean' | 'network' = 'euclidean') {
  const pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode, policy: resolvePolicy(pkg) });
  return mapDataFor(pkg, analysis);
}

const badRows = mapData(fixtureFiles('bad-rows'));
const report = badRows.report!;

const counts = () =>
  Object.fromEntries(
    within(screen.getByTestId('file-counts'))
      .getAllByRole('row')
      .filter((r) => r.dataset.file)
      .map((r) => [r.dataset.file, [within(r).getByTestId('accepted').textContent, within(r).getByTestId('rejected').textContent]]),
  );
const listed = () => within(screen.getByTestId('rejected-rows')).getAllByRole('row').slice(1); // header row first
const rowOf = (file: string, row: number) => listed().find((r) => r.dataset.file === file && r.dataset.row === String(row))!;

beforeAll(() => {
  initI18n('zh');
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  useDataCheck.setState({ open: false, ignored: [], attemptIgnored: [], pending: false });
  useApp.setState({ data: null, status: 'idle', error: null });
  await i18next.changeLanguage('zh');
});

describe('the data check of test/fixtures/bad-rows (real engine)', () => {
  it('counts accepted and rejected rows per file: 3+4, 3+10, 2+6, 1+3 = 23 rejected', () => {
    render(<DataCheckDialog report={report} onClose={() => {}} />);
    expect(counts()).toEqual({
      'communities.geojson': ['3', '4'],
      'buildings.csv': ['3', '10'],
      'facilities.csv': ['2', '6'],
      'candidates.csv': ['1', '3'],
    });
    expect(screen.getByTestId('rejected-total').textContent).toBe('23');
  });

  it('lists all 23 rejected rows with file, row, id, field and the Chinese reason', () => {
    render(<DataCheckDialog report={report} onClose={() => {}} />);
    expect(listed()).toHaveLength(23);
    const r = rowOf('buildings.csv', 9);
    const cells = within(r)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['buildings.csv', '9', 'b8', 'community_id', REJECT_REASONS.R_UNKNOWN_COMMUNITY.zh]);
    expect(cells[4]).toBe('community_id 不对应任何社区');
    // the engine's sentence with the offending value stays at hand as the cell's title
    expect(within(r).getAllByRole('cell')[4].getAttribute('title')).toBe("community_id 'ZZ' names no community");
    expect(within(rowOf('communities.geojson', 6)).getAllByRole('cell')[4].textContent).toBe('几何无效');
    expect(within(rowOf('buildings.csv', 10)).getAllByRole('cell')[4].textContent).toBe('必填值为空');
  });

  it('in English, shows the engine’s own reason with the value', async () => {
    await act(() => i18next.changeLanguage('en'));
    render(<DataCheckDialog report={report} onClose={() => {}} />);
    expect(within(rowOf('buildings.csv', 9)).getAllByRole('cell')[4].textContent).toBe("community_id 'ZZ' names no community");
    expect(within(rowOf('buildings.csv', 7)).getAllByRole('cell')[4].textContent).toBe('lat 106.505 is outside −90…90 (lon and lat swapped?)');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Data check');
  });

  it('filters the list by file', () => {
    render(<DataCheckDialog report={report} onClose={() => {}} />);
    const select = screen.getByTestId('rejected-filter') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv']);
    fireEvent.change(select, { target: { value: 'facilities.csv' } });
    expect(listed().map((r) => r.dataset.row)).toEqual(['2', '3', '4', '5', '6', '7']);
    fireEvent.change(select, { target: { value: '' } });
    expect(listed()).toHaveLength(23);
  });

  it('downloads the rejected rows: UTF-8 BOM, the header in the UI language, the 23 rows byte for byte the CLI’s rejected.csv', async () => {
    let blob: Blob | undefined;
    let name = '';
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    render(<DataCheckDialog report={report} onClose={() => {}} />);
    fireEvent.click(screen.getByTestId('download-rejected'));
    expect(name).toMatch(/^渝邻图_被剔除的行_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    expect(lines[0]).toBe('文件,行号,id,字段,原因');
    expect(lines.filter(Boolean)).toHaveLength(24);
    expect(lines).toContain("buildings.csv,9,b8,community_id,community_id 'ZZ' names no community");
    const cli = readFileSync(join(FIXTURES, 'bad-rows', 'expected', 'rejected.csv'), 'utf8').split('\r\n');
    expect(lines.slice(1)).toEqual(cli.slice(1));
  });

  it('renders a hostile id, package name and file name as text: no <img> is created', () => {
    const files = fixtureFiles('bad-rows');
    // the hostile row once more: rejected as a repeated id, so the id is listed
    files['buildings.csv'] = utf8(`${text(files['buildings.csv']).trimEnd()}\n"${HOSTILE}",106.506,29.556,4,,again\n`);
    files['manifest.json'] = utf8(JSON.stringify({ name: HOSTILE, crs: 'WGS84' }));
    const r = mapData(files).report!;
    expect(r.rejected).toHaveLength(24);
    const { container } = render(<DataCheckDialog report={r} ignored={[`${HOSTILE}.csv`]} packageName={HOSTILE} onClose={() => {}} />);
    const row = rowOf('buildings.csv', 14);
    expect(within(row).getAllByRole('cell')[2].textContent).toBe(HOSTILE);
    expect(within(row).getAllByRole('cell')[4].textContent).toBe(REJECT_REASONS.R_DUPLICATE_ID.zh);
    expect(container.textContent).toContain(`${HOSTILE}.csv`);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(container.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('closes on Escape and on the close button', () => {
    const onClose = vi.fn();
    render(<DataCheckDialog report={report} onClose={onClose} />);
    fireEvent.keyDown(screen.getByTestId('data-check'), { key: 'Escape' });
    fireEvent.click(screen.getAllByRole('button', { name: '关闭' })[0]);
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('thousands of rejected rows are paged', () => {
  // 2,345 buildings with a negative household count, one good one: real engine rejections
  const rows = ['id,lon,lat,households', 'ok,106.505,29.555,3'];
  for (let i = 1; i <= 2345; i++) rows.push(`n${i},106.505,29.555,-${i}`);
  const files = fixtureFiles('bad-rows');
  files['buildings.csv'] = utf8(rows.join('\n'));
  const r = mapData(files).report!;

  it('shows one page of 100 rows at a time, with the count and next/previous', () => {
    expect(r.rejected.filter((x) => x.file === 'buildings.csv')).toHaveLength(2345);
    render(<DataCheckDialog report={r} onClose={() => {}} />);
    expect(counts()['buildings.csv']).toEqual(['1', '2,345']);
    expect(listed()).toHaveLength(REJECTED_PAGE_SIZE);
    const pager = screen.getByTestId('rejected-pager');
    expect(pager.textContent).toContain('第 1 / 24 页（共 2,358 行）');
    fireEvent.change(screen.getByTestId('rejected-filter'), { target: { value: 'buildings.csv' } });
    expect(pager.textContent).toContain('第 1 / 24 页（共 2,345 行）');
    fireEvent.click(within(pager).getByText('下一页'));
    expect(listed()[0].dataset.row).toBe('102'); // data row 102 is n101 (row 1 is the good one)
    expect(within(listed()[0]).getAllByRole('cell')[2].textContent).toBe('n101');
    fireEvent.click(within(pager).getByText('上一页'));
    expect(listed()[0].dataset.row).toBe('2');
  });
});

describe('notes', () => {
  it('GBK, GCJ02, buildings in no community and ignored files, in Chinese and English', async () => {
    const files = fixtureFiles('tiny');
    files['manifest.json'] = utf8(JSON.stringify({ name: 'gcj', crs: 'GCJ02' }));
    files['buildings.csv'] = encodeGbk(`${text(files['buildings.csv']).trimEnd()}\n远郊楼,107.9,30.9,12\n`);
    const r = mapData(files).report!;
    expect(r.notes).toEqual([
      { kind: 'crs', from: 'GCJ02' },
      { kind: 'encoding', file: 'buildings.csv', encoding: 'GBK' },
      { kind: 'unassigned', count: 3 }, // tiny's two outside every community, and this one
    ]);
    render(<DataCheckDialog report={r} ignored={['README.md', 'expected/']} onClose={() => {}} />);
    const items = () =>
      within(screen.getByTestId('data-notes'))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(items()).toEqual([
      '坐标已从 GCJ02 转换为 WGS84',
      'buildings.csv：检测到 GBK 编码，已自动转换',
      '3 栋楼不在任何社区范围内（计入总数，不计入社区统计）',
      '以下文件不属于数据包约定，已忽略：README.md、expected/',
    ]);
    await act(() => i18next.changeLanguage('en'));
    expect(items()[3]).toBe('These files are not part of a data package and were ignored: README.md, expected/');
    expect(screen.getByText('No rows were rejected.')).toBeTruthy();
    expect(screen.queryByTestId('download-rejected')).toBeNull();
  });
});

describe('the report of a package with a walking network', () => {
  it('counts roads.geojson features and, in network mode, notes the buildings beyond maxSnapM', () => {
    const files = fixtureFiles('tiny-network');
    files['buildings.csv'] = utf8(`${text(files['buildings.csv']).trimEnd()}\nfar,106.60,29.60,3,\n`); // ~9 km from any path
    const euclid = mapData(files).report!;
    expect(euclid.files.find((f) => f.file === 'roads.geojson')).toEqual({ file: 'roads.geojson', accepted: 3, rejected: 0 });
    expect(euclid.notes.map((n) => n.kind)).toEqual(['unassigned']);
    const base = mapData(fixtureFiles('tiny-network'), 'network').report!.notes.find((n) => n.kind === 'unsnapped');
    expect(base).toEqual({ kind: 'unsnapped', count: 3, maxSnapM: 500 }); // the fixture's three buildings off the paths
    const net = mapData(files, 'network').report!;
    expect(net.notes.find((n) => n.kind === 'unsnapped')).toEqual({ kind: 'unsnapped', count: 4, maxSnapM: 500 });
    render(<DataCheckDialog report={net} onClose={() => {}} />);
    expect(screen.getByTestId('data-notes').textContent).toContain('4 栋楼距步行网络超过 500 米，步行模式下视为不可达');
  });
});

describe('opening data: package files picked, the dialog shown after a load with remarks, errors in both languages', () => {
  it('keeps the package files (any case), ignores the rest by name', () => {
    const f = (name: string) => ({ name });
    const { files, ignored } = pickPackageFiles([
      f('Manifest.json'),
      f('buildings.csv'),
      f('README.md'),
      f('buildings.csv'),
      f('rejected.csv'),
      f('water.geojson'),
    ]);
    expect(files.map((x) => x.name)).toEqual(['Manifest.json', 'buildings.csv', 'water.geojson']);
    expect(ignored).toEqual(['README.md', 'buildings.csv', 'rejected.csv']);
  });

  it('after the user opens a folder, the data check opens by itself when rows were rejected', () => {
    render(
      <>
        <DataCheckButton />
        <DataCheck />
      </>,
    );
    const picked = takePackageFiles([new File(['{}'], 'manifest.json'), new File(['x'], 'notes.txt')]);
    expect(picked.map((f) => f.name)).toEqual(['manifest.json']);
    expect(useDataCheck.getState()).toMatchObject({ pending: true, attemptIgnored: ['notes.txt'], open: false });
    act(() => useApp.getState().set({ data: badRows, status: 'ready' }));
    expect(screen.getByTestId('data-check')).toBeTruthy();
    expect(screen.getByTestId('data-notes').textContent).toContain('notes.txt');
    fireEvent.click(screen.getAllByRole('button', { name: '关闭' })[0]);
    expect(screen.queryByTestId('data-check')).toBeNull();
    // the header button shows the count and opens it again
    const button = screen.getByTestId('data-check-open');
    expect(button.textContent).toBe('23 行数据被剔除 · 查看');
    fireEvent.click(button);
    expect(screen.getByTestId('data-check')).toBeTruthy();
  });

  it('a clean package does not open the dialog, and a mode switch (no open) never does', () => {
    render(<DataCheck />);
    const clean = mapData(tinyPackageFiles());
    expect(clean.report!.notes).toEqual([]);
    takePackageFiles([]);
    act(() => useApp.getState().set({ data: clean, status: 'ready' }));
    expect(screen.queryByTestId('data-check')).toBeNull();
    act(() => useApp.getState().set({ data: { ...badRows }, status: 'ready' })); // not opened by the user
    expect(screen.queryByTestId('data-check')).toBeNull();
  });

  it('a missing required file: the message names it in Chinese and English, and says the map keeps its data', async () => {
    const files = fixtureFiles('tiny');
    delete files['buildings.csv'];
    let err: EngineError | undefined;
    try {
      loadPackage(files);
    } catch (e) {
      err = e as EngineError;
    }
    expect(err?.code).toBe('E_MISSING_FILE');
    useDataCheck.getState().set({ attemptIgnored: ['README.md'] });
    useApp.getState().set({ data: badRows, status: 'error', error: { code: err!.code, zh: err!.messageIn('zh'), en: err!.messageIn('en') } });
    render(<LoadError />);
    const dialog = screen.getByTestId('load-error');
    expect(dialog.dataset.code).toBe('E_MISSING_FILE');
    expect(screen.getByTestId('load-error-first').textContent).toBe('缺少必需文件: buildings.csv');
    expect(screen.getByTestId('load-error-second').textContent).toBe('Required file is missing: buildings.csv');
    expect(screen.getByTestId('load-error-kept')).toBeTruthy();
    expect(screen.getByTestId('load-error-ignored').textContent).toContain('README.md');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(useApp.getState()).toMatchObject({ status: 'ready', error: null, data: badRows });
    expect(screen.queryByTestId('load-error')).toBeNull();
  });

  it('a missing column, bad JSON, an unknown crs: each code and message names the file and field', () => {
    const cases: [string, (f: PackageFiles) => void, string, string][] = [
      [
        'E_MISSING_COLUMN',
        (f) => (f['facilities.csv'] = utf8('id,name,lon,area_m2,services\n')),
        '缺少必需列: facilities.csv, lat',
        'Required column is missing: facilities.csv, lat',
      ],
      [
        'E_BAD_JSON',
        (f) => (f['communities.geojson'] = utf8('{"type": ')),
        'JSON 无法解析: communities.geojson',
        'File is not valid JSON: communities.geojson',
      ],
      [
        'E_BAD_CRS',
        (f) => (f['manifest.json'] = utf8('{"name":"x","crs":"EPSG:3857"}')),
        '不支持的坐标系（应为 WGS84、GCJ02 或 BD09）: manifest.json, crs, EPSG:3857',
        'Unsupported coordinate system (WGS84, GCJ02 or BD09): manifest.json, crs, EPSG:3857',
      ],
    ];
    for (const [code, spoil, zh, en] of cases) {
      const files = fixtureFiles('tiny');
      spoil(files);
      let err: EngineError | undefined;
      try {
        loadPackage(files);
      } catch (e) {
        err = e as EngineError;
      }
      expect(err?.code).toBe(code);
      useApp.getState().set({ data: null, status: 'error', error: { code: err!.code, zh: err!.messageIn('zh'), en: err!.messageIn('en') } });
      render(<LoadError />);
      expect(screen.getByTestId('load-error-first').textContent!.startsWith(zh)).toBe(true);
      expect(screen.getByTestId('load-error-second').textContent!.startsWith(en)).toBe(true);
      expect(screen.queryByTestId('load-error-kept')).toBeNull(); // nothing was on the map
      cleanup();
    }
  });
});
