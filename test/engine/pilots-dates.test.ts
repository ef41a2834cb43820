/** Calendar-date arithmetic of the pilot rules (src/engine/pilots/calendarDate.ts), hand-computed. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, parseDate } from '../../src/engine/pilots/calendarDate';

describe('parseDate', () => {
  it('normalises YYYY-MM-DD, YYYY/M/D and YYYY-M-D', () => {
    expect(parseDate('2025-01-20')).toBe('2025-01-20');
    expect(parseDate('2025/1/5')).toBe('2025-01-05');
    expect(parseDate(' 2024-2-29 ')).toBe('2024-02-29');
  });
  it('refuses dates that do not exist and other shapes', () => {
    for (const bad of [
      '2025-02-29',
      '2100-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '20250101',
      '2025.1.1',
      '25-01-01',
      '',
      'today',
      '2025-01-20T00:00',
    ])
      expect(parseDate(bad), bad).toBeNull();
    expect(parseDate('2000-02-29')).toBe('2000-02-29'); // 2000 is a leap year (÷400)
  });
});

describe('daysInMonth', () => {
  it('knows February of leap years', () => {
    expect([2023, 2024, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });
});

describe('addMonths: calendar months, end-of-month clamped', () => {
  it.each([
    ['2025-01-20', 12, '2026-01-20'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('%s + %i months = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
});

describe('daysBetween / addDays', () => {
  it('counts whole days across leap days and year ends', () => {
    expect(daysBetween('2025-01-20', '2026-01-20')).toBe(365);
    expect(daysBetween('2023-03-01', '2024-03-01')).toBe(366);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-06-30', '2025-01-20')).toBe(-526);
    expect(addDays('2025-01-20', 364)).toBe('2026-01-19');
    expect(addDays('2023-03-01', 365)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
