/**
 * Starts the helper thread of `analyze` from its TypeScript source when the command line runs
 * through tsx (development, tests): a worker does not inherit tsx's loader, so it registers it
 * here first. The bundle uses dist-cli/analyzeWorker.mjs instead.
 */
import { register } from 'tsx/esm/api';

register();
await import('./analyzeWorker.ts');
