import { describe, expect, it } from 'vitest';
import { circlePath, circles } from '../scripts/check-imports';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('check-imports: import circles', () => {
  it('finds none in a tree', () => {
    expect(circles(graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('finds a three-file circle and prints it from its first file', () => {
    const g = graph({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] });
    const found = circles(g);
    expect(found).toEqual([['a', 'b', 'c']]);
    expect(circlePath(g, found[0])).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds two separate circles and a file importing itself', () => {
    const g = graph({ p: ['q'], q: ['p'], r: ['s'], s: ['r', 's'], t: ['t'] });
    expect(circles(g).map((c) => c.join(','))).toEqual(expect.arrayContaining(['p,q', 'r,s', 't']));
    expect(circles(g)).toHaveLength(3);
    expect(circlePath(g, ['t'])).toEqual(['t', 't']);
  });

  it('prints the shortest way round: the protocol circle of issue 8', () => {
    const g = graph({
      protocol: ['blueprintApi', 'packageSnapshotApi'],
      blueprintApi: ['protocol'],
      solverApi: ['blueprintApi'],
      packageSnapshotApi: ['solverApi'],
    });
    const [scc] = circles(g);
    expect(scc).toEqual(['blueprintApi', 'packageSnapshotApi', 'protocol', 'solverApi']);
    // the shortest circle through blueprintApi; the printout also lists all four files of the component
    expect(circlePath(g, scc)).toEqual(['blueprintApi', 'protocol', 'blueprintApi']);
  });
});
