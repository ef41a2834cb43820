import { describe, expect, it } from 'vitest';
import { chromiumProcesses, tabMemory, type ProcessMemory } from '../scripts/lib/processMemory';

const p = (pid: number, type: string, rssMB: number, pssMB: number | null): ProcessMemory => ({ pid, type, rssMB, pssMB });

describe('tab memory for the UI benchmark (scripts/lib/processMemory.ts)', () => {
  it('is the largest renderer (the page, its workers included) plus the GPU process, PSS where known', () => {
    const procs = [
      p(10, 'browser', 300, 210),
      p(11, 'zygote', 70, 20),
      p(12, 'gpu-process', 900, 850),
      p(13, 'renderer', 1200, 1100),
      p(14, 'renderer', 60, 25),
      p(15, 'utility', 80, 40),
    ];
    expect(tabMemory(procs)).toEqual({
      tabMB: 1100 + 850,
      tabRssMB: 1200 + 900,
      rendererMB: 1100,
      gpuMB: 850,
      allMB: 210 + 20 + 850 + 1100 + 25 + 40,
      renderers: 2,
    });
  });

  it('falls back to RSS where PSS is unreadable, and is null without a renderer', () => {
    expect(tabMemory([p(12, 'gpu-process', 400, null), p(13, 'renderer', 700, null)])).toEqual({
      tabMB: 1100,
      tabRssMB: 1100,
      rendererMB: 700,
      gpuMB: 400,
      allMB: 1100,
      renderers: 1,
    });
    expect(tabMemory([p(10, 'browser', 300, 200)])).toBeNull();
  });

  it('finds no Chromium under a process that started none', () => {
    expect(chromiumProcesses(process.pid)).toEqual([]);
  });
});
