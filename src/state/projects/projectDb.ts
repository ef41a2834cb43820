import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { checkStoredProject, type Project } from './projectFormat';

/**
 * Projects kept in this browser (IndexedDB through `idb`): one record per project, whole
 * (structured clone: an opened folder's files stay bytes), and the id of the project worked on
 * last, restored on reopen.
 */
interface ProjectSchema extends DBSchema {
  projects: { key: string; value: Project };
  meta: { key: string; value: string };
}

export const DB_NAME = 'yulintu';
const DB_VERSION = 1;

/** What the project list shows. */
export interface ProjectSummary {
  id: string;
  name: string;
  /** ms since 1970. */
  modified: number;
}

let dbPromise: Promise<IDBPDatabase<ProjectSchema>> | null = null;

function db(): Promise<IDBPDatabase<ProjectSchema>> {
  dbPromise ??= openDB<ProjectSchema>(DB_NAME, DB_VERSION, {
    upgrade(d) {
      d.createObjectStore('projects', { keyPath: 'id' });
      d.createObjectStore('meta');
    },
  });
  return dbPromise;
}

/** Close the connection (tests that delete the database). */
export async function closeProjectDb(): Promise<void> {
  if (dbPromise) (await dbPromise).close();
  dbPromise = null;
}

/** Every kept project, newest first. */
export async function listProjects(): Promise<ProjectSummary[]> {
  const all = await (await db()).getAll('projects');
  return all.map((p) => ({ id: p.id, name: p.name, modified: p.modified })).sort((a, b) => b.modified - a.modified);
}

/** One kept project (checked and migrated like a file), or null. */
export async function getProject(id: string): Promise<Project | null> {
  const p = await (await db()).get('projects', id);
  return p ? checkStoredProject(p) : null;
}

/** Keep (add or replace) a project. */
export async function putProject(p: Project): Promise<void> {
  await (await db()).put('projects', p);
}

/** Forget a project (and the pointer to it, when it was the current one). */
export async function deleteProject(id: string): Promise<void> {
  const d = await db();
  const tx = d.transaction(['projects', 'meta'], 'readwrite');
  await tx.objectStore('projects').delete(id);
  if ((await tx.objectStore('meta').get('current')) === id) await tx.objectStore('meta').delete('current');
  await tx.done;
}

/** The project worked on last, or null. */
export async function getCurrentId(): Promise<string | null> {
  return (await (await db()).get('meta', 'current')) ?? null;
}

export async function setCurrentId(id: string): Promise<void> {
  await (await db()).put('meta', id, 'current');
}
