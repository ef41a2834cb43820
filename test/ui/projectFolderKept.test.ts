import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getProject } from '../../src/state/projects/projectDb';
import { saveNow, setProjectPackage, useProjectSession } from '../../src/state/projects/projectSession';

/** A file whose bytes arrive only when `release` is called (a large folder being read). */
function slowFile(name: string, bytes: number[]): { file: File; release: () => void } {
  let release = () => undefined as void;
  const gate = new Promise<void>((r) => (release = r));
  const file = new File([new Uint8Array(bytes)], name);
  const read = file.arrayBuffer.bind(file);
  file.arrayBuffer = async () => {
    await gate;
    return read();
  };
  return { file, release };
}

describe('an opened folder is kept (issue 9 item 2)', () => {
  it('is "not yet kept" while its files are read, even when a save runs in between; the save after keeps the files', async () => {
    useProjectSession.getState().set({ id: 'folder1', name: '', dirty: false });
    const { file, release } = slowFile('Buildings.csv', [1, 2, 3]);
    const opening = setProjectPackage({ kind: 'files', files: [file] });
    expect(useProjectSession.getState().dirty).toBe(true);
    await saveNow(); // e.g. the autosave of a camera move while the folder is read
    expect(useProjectSession.getState().dirty).toBe(true);
    expect(await getProject('folder1')).toBeNull(); // nothing made yet: no record, still not kept
    release();
    await opening;
    await saveNow();
    expect(useProjectSession.getState().dirty).toBe(false);
    const kept = await getProject('folder1');
    expect(kept?.package.kind).toBe('files');
    expect(kept?.package.kind === 'files' && kept.package.files.map((f) => [f.name, [...f.bytes]])).toEqual([['buildings.csv', [1, 2, 3]]]);
  });
});
