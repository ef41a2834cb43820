import { EngineError } from '../engine/index';
import type { WorkerFailure } from './protocol';

/**
 * The one converter from anything thrown to a {@link WorkerFailure} (code and messages in both
 * languages): an EngineError keeps its code and place; a failure passes through as it is;
 * anything else becomes E_INTERNAL with its message as the detail.
 */
export function toFailure(err: unknown): WorkerFailure {
  if (err instanceof EngineError) return { code: err.code, zh: err.messageIn('zh'), en: err.messageIn('en') };
  if (err && typeof err === 'object' && 'code' in err && 'zh' in err && 'en' in err) return err as WorkerFailure;
  const detail = err instanceof Error ? err.message : String(err);
  return toFailure(new EngineError('E_INTERNAL', { detail }));
}

/** `fn`'s result, or its error thrown as a {@link WorkerFailure} (what a worker API method throws). */
export async function asFailure<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toFailure(e);
  }
}
