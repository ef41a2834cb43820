import { useBlueprint } from './blueprintStore';

/**
 * The round trip of a what-if edit, measured on the main thread with performance marks:
 * `edit:start` (the edit is committed) → `edit:worker` (the worker's answer is back) →
 * `edit:layers` (the map handed deck the new layers) → `edit:painted` (the first map frame
 * drawn after that). The store's `roundTripMs` is start → painted; `workerRoundTripMs` is
 * start → worker. Measures appear in DevTools' performance panel as `edit round trip` etc.
 */
let started: { id: number; t: number; answer: object | null } | null = null;

/** An edit was committed and sent to the worker as evaluation `id`. */
export function editStarted(id: number): void {
  started = { id, t: performance.now(), answer: null };
  performance.mark('edit:start');
}

/** The worker answered evaluation `id` with `answer`; returns start → now in ms (null when another edit started since). */
export function editAnswered(id: number, answer: object): number | null {
  if (!started || started.id !== id) return null;
  started.answer = answer;
  performance.mark('edit:worker');
  performance.measure('edit worker round trip', 'edit:start', 'edit:worker');
  return performance.now() - started.t;
}

/**
 * The map handed deck the layers of `answer` (the scenario run it drew); when that is the pending
 * edit's answer, `whenPainted` is asked to call back once the next frame is drawn.
 */
export function editLayered(answer: object | null, whenPainted: (done: () => void) => void): void {
  if (!started || !answer || started.answer !== answer) return;
  const { id, t } = started;
  started.answer = null; // once
  performance.mark('edit:layers');
  whenPainted(() => {
    if (!started || started.id !== id) return;
    performance.mark('edit:painted');
    performance.measure('edit round trip', 'edit:start', 'edit:painted');
    started = null;
    useBlueprint.getState().set({ roundTripMs: performance.now() - t });
  });
}
