import { EngineError } from '../engine/index';
import type { WorkerFailure } from '../worker/protocol';

/** A thrown value as a failure with zh/en messages (worker failures pass through; anything else is E_INTERNAL with its message). */
export function toFailureLike(e: unknown): WorkerFailure {
  if (e && typeof e === 'object' && 'code' in e && 'zh' in e && 'en' in e) return e as WorkerFailure;
  const err = new EngineError('E_INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
  return { code: err.code, zh: err.messageIn('zh'), en: err.messageIn('en') };
}
