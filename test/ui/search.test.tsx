// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { initI18n } from '../../src/i18n';
import { useApp } from '../../src/state/appStore';
import { DEFAULT_VIEW } from '../../src/state/viewState';
import { SearchBox } from '../../src/ui/SearchBox';
import { searchHits } from '../../src/ui/searchHits';
import type { MapData } from '../../src/worker/protocol';
import { tinyMapData } from './tinyPackage';

/** tinyPackage.ts: district 渝中区, streets 解放碑街道 / 七星岗街道, communities 较场口 / 民生路 / 七星岗社区 (500103001001, …001002, …002001), facilities f1–f4, candidate k1. */
let data: MapData;

beforeAll(() => {
  initI18n('zh');
  data = tinyMapData().data;
});

afterEach(() => {
  cleanup();
  useApp.setState({ ...DEFAULT_VIEW, data: null, zoomRequest: 0 });
});

const ids = (q: string, opts = {}) => searchHits(data, q, opts).map((h) => `${h.kind}:${h.id}`);

describe('searchHits (issue 9 item 15)', () => {
  it('finds districts, streets, communities, facilities and candidates by name, grouped in that order', () => {
    expect(ids('较场口')).toEqual(['community:500103001001', 'facility:f1', 'facility:f2']);
    expect(ids('七星岗')).toEqual(['street:七星岗街道', 'community:500103002001', 'facility:f4']);
    expect(ids('解放碑')).toEqual(['street:解放碑街道']);
    expect(ids('渝中')).toEqual(['district:渝中区']);
    expect(ids('办公')).toEqual(['candidate:k1']);
  });

  it('finds by id, case-insensitive', () => {
    expect(ids('F3')).toEqual(['facility:f3']);
    expect(ids('K1')).toEqual(['candidate:k1']);
    expect(ids('5001030010')).toEqual(['community:500103001001', 'community:500103001002']);
  });

  it('a name or id starting with the query comes first in its group', () => {
    const two = {
      ...data,
      facilities: [
        { ...data.facilities[0], id: 'x1', name: '老年活动站' },
        { ...data.facilities[1], id: 'x2', name: '活动中心' },
      ],
    };
    expect(searchHits(two, '活动').map((h) => h.id)).toEqual(['x2', 'x1']);
    expect(searchHits(data, '00200').map((h) => h.id)).toEqual(['500103002001']);
  });

  it('leaves candidates out in the public view, caps each group, and finds nothing for an empty query', () => {
    expect(ids('办公', { noCandidates: true })).toEqual([]);
    expect(ids('社区', { perGroup: 2 })).toEqual(['community:500103001001', 'community:500103001002']);
    expect(ids('   ')).toEqual([]);
    expect(ids('不存在')).toEqual([]);
  });
});

describe('SearchBox', () => {
  it('shows the hits under group headings; ↓ ↓ Enter selects the second hit, opens its panel and asks the map to fly there', () => {
    useApp.setState({ data, view: 'planner', selection: null, zoomRequest: 0 });
    render(<SearchBox />);
    const input = screen.getByTestId('search');
    fireEvent.change(input, { target: { value: '较场口' } });
    expect(screen.getByTestId('search-group-community').textContent).toBe('社区');
    expect(screen.getByTestId('search-group-facility').textContent).toBe('设施');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.getAttribute('data-id'))).toEqual(['500103001001', 'f1', 'f2']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1].id);
    expect(options[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useApp.getState().selection).toEqual({ kind: 'facility', id: 'f1' });
    expect(useApp.getState().zoomRequest).toBe(1);
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('↑ from the top wraps to the last hit; Enter with none active takes the first; a click selects', () => {
    useApp.setState({ data, view: 'planner', selection: null, zoomRequest: 0 });
    render(<SearchBox />);
    const input = screen.getByTestId('search');
    fireEvent.change(input, { target: { value: '七星岗' } });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useApp.getState().selection).toEqual({ kind: 'facility', id: 'f4' });
    fireEvent.change(input, { target: { value: '七星岗' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(useApp.getState().selection).toEqual({ kind: 'street', id: '七星岗街道' });
    fireEvent.change(input, { target: { value: 'k1' } });
    fireEvent.click(screen.getByRole('option'));
    expect(useApp.getState().selection).toEqual({ kind: 'candidate', id: 'k1' });
    expect(useApp.getState().zoomRequest).toBe(3);
  });

  it('in the public view candidates are not offered', () => {
    useApp.setState({ data, view: 'public', selection: null });
    render(<SearchBox />);
    fireEvent.change(screen.getByTestId('search'), { target: { value: '1' } });
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('data-kind'))).toEqual(['community', 'community', 'community', 'facility']);
  });
});
