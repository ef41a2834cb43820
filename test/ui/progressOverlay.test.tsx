// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../src/i18n';
import { ProgressOverlay } from '../../src/ui/ProgressOverlay';
import { useApp } from '../../src/state/appStore';
import { packageMapData } from '../../src/worker/buildMapData';
import { tinyMapData } from './tinyPackage';

const { pkg, data: mapData } = tinyMapData();

beforeAll(() => {
  initI18n('zh');
});
afterEach(() => {
  cleanup();
  useApp.setState({ status: 'idle', pkgData: null, data: null, firstMapPending: false });
});

describe('load progress', () => {
  it('covers the map until the package part arrives, then sits in a corner with the stage and fraction', () => {
    useApp.setState({ status: 'loading', progress: { stage: 'load', fraction: 0 }, pkgData: null });
    render(<ProgressOverlay />);
    const box = screen.getByTestId('progress');
    expect(box.className).toBe('overlay');
    expect(box.textContent).toBe('正在加载数据…解析数据包');
    act(() => useApp.setState({ pkgData: packageMapData(pkg, 1), progress: { stage: 'coverage', fraction: 0.4 } }));
    expect(screen.getByTestId('progress').className).toBe('overlay overlay-corner');
    expect(screen.getByTestId('progress').textContent).toBe('已显示社区与设施，正在分析覆盖…计算覆盖');
    expect((screen.getByTestId('progress').querySelector('progress') as HTMLProgressElement).value).toBe(0.4);
  });

  it('says so in English too', () => {
    initI18n('en');
    useApp.setState({ status: 'loading', progress: { stage: 'h3', fraction: 0 }, pkgData: packageMapData(pkg, 1) });
    render(<ProgressOverlay />);
    expect(screen.getByTestId('progress').textContent).toBe('Communities and facilities shown; analysing coverage…Hexagon grid');
    initI18n('zh');
  });

  it('is gone once the data is ready', () => {
    useApp.setState({ status: 'ready', progress: { stage: 'done', fraction: 1 }, pkgData: null });
    render(<ProgressOverlay />);
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  it('stays while the map draws its first picture of the data, whatever progress a later run reports', () => {
    useApp.setState({ status: 'ready', progress: { stage: 'coverage', fraction: 0.7 }, pkgData: null, data: mapData, firstMapPending: true });
    render(<ProgressOverlay />);
    expect(screen.getByTestId('progress').textContent).toBe('正在加载数据…绘制地图');
    expect((screen.getByTestId('progress').querySelector('progress') as HTMLProgressElement).hasAttribute('value')).toBe(false); // indeterminate
    act(() => useApp.setState({ firstMapPending: false }));
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  it('does not say the part is shown while the map is still hidden; no drawing box without data (an error closed)', () => {
    useApp.setState({ status: 'loading', progress: { stage: 'h3', fraction: 0.2 }, pkgData: packageMapData(pkg, 1), firstMapPending: true });
    render(<ProgressOverlay />);
    expect(screen.getByTestId('progress').className).toBe('overlay');
    expect(screen.getByTestId('progress').textContent).toBe('正在加载数据…六边形格网汇总');
    act(() => useApp.setState({ status: 'ready', pkgData: null, data: null })); // a failed load's error closed: nothing to draw
    expect(screen.queryByTestId('progress')).toBeNull();
  });
});
