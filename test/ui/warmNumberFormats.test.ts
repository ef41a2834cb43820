import { describe, expect, it } from 'vitest';
import { fmtNum, warmNumberFormats } from '../../src/ui/format';

describe('warmNumberFormats', () => {
  it('builds the four formats (zh, en × 0, 1 decimals) one a task, and formatting after it is unchanged', () => {
    const steps: (() => void)[] = [];
    warmNumberFormats((f) => steps.push(f));
    let tasks = 1; // the first format is built in the caller's task
    while (steps.length) {
      steps.shift()!();
      tasks++;
    }
    expect(tasks).toBe(4);
    expect([fmtNum(1234.5, 'zh'), fmtNum(1234.5, 'zh', 1), fmtNum(1234.56, 'en', 1), fmtNum(7, 'en')]).toEqual(['1,235', '1,234.5', '1,234.6', '7']);
  });
});
