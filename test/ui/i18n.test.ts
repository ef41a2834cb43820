import { describe, expect, it } from 'vitest';
import { resources } from '../../src/i18n/resources';
import { tFor, toLang } from '../../src/i18n';

/** Dotted paths of every string in a nested object. */
function paths(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : paths(v as object, `${prefix}${k}.`)));
}

describe('i18n namespaces', () => {
  it('English has every key of Chinese in each namespace (the printable report too, issue 9 item 17)', () => {
    for (const ns of ['translation', 'walk', 'dataCheck', 'blueprint', 'pilots', 'import', 'publish', 'projects'] as const) {
      expect(paths(resources.en[ns]).sort(), ns).toEqual(paths(resources.zh[ns]).sort());
    }
    expect('report' in resources.en).toBe(true);
  });

  it('tFor reads one language without changing the UI language; toLang maps tags', () => {
    expect(tFor('zh')('fmt.hh', { n: '1,200' })).toBe('1,200 户');
    expect(tFor('en')('fmt.hh', { n: '1,200' })).toBe('1,200 hh');
    expect(tFor('en')('blueprint:communityCount', { n: 3 })).toBe('3 communities');
    expect(tFor('en')('report:scope.all')).toBe('All communities'); // report falls back to Chinese
    expect(toLang('en-US')).toBe('en');
    expect(toLang('zh-CN')).toBe('zh');
    expect(toLang(undefined)).toBe('zh');
  });
});
