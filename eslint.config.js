import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Outside src/engine, the engine is reached through its index only (issue 8). */
const ENGINE_INDEX_ONLY = {
  group: ['**/engine/*', '!**/engine/index', '!**/engine/public', '!**/engine/constants'],
  message:
    'Import the engine through its index (src/engine/index.ts) only; src/engine/public.ts is the resident site’s entry, src/engine/constants.ts the plain data the page’s first chunk needs.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-public/**', 'dist-cli/**', 'node_modules/**', 'data/**', 'test-results/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The engine is pure: it runs in a Web Worker, the CLI and Node tests alike.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'maplibre-gl', '@deck.gl/*', 'comlink', 'zustand', 'i18next'],
              message: 'src/engine must not import UI or map code.',
            },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/engine must not import Node built-ins: it also runs in the browser.' },
            { group: ['**/ui/*', '**/map/*', '**/worker/*'], message: 'src/engine must not import the app.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator', 'process'],
    },
  },

  {
    // The engine's index is the only way into it (issue 8): no deep paths from the app, the
    // scripts or the tests. Engine unit tests may test internals: test/engine/ and the engine
    //
    // The layering blocks below repeat ENGINE_INDEX_ONLY: a later block's options replace an earlier one's.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'test/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'test/engine/**', 'test/fixtures/network/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_INDEX_ONLY] }],
    },
  },

  // Layering (docs/ARCHITECTURE.md): engine < worker < client < state < map < ui < app.
  // Workers are reached only through their protocol (types) and src/client; the shared failure
  // converter (worker/failure.ts) is pure and may be used by the app shell.
  {
    files: ['src/worker/protocol.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '../engine/index', allowTypeImports: true, message: 'protocol.ts imports types only (import type).' }],
          patterns: [{ group: ['./*', '../*', '!../engine/index'], message: 'protocol.ts is a types-only leaf: it imports types from ../engine/index only.' }],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    ignores: ['src/worker/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_INDEX_ONLY,
            {
              group: ['**/client/*', '**/state/*', '**/map/*', '**/ui/*', '**/app/*', '**/i18n', '**/i18n/*', '**/export/*'],
              message: 'Workers import the engine and each other only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_INDEX_ONLY,
            {
              group: ['**/state/*', '**/map/*', '**/ui/*', '**/app/*', '**/export/*'],
              message: 'src/client talks to the workers; it knows no state, map or UI.',
            },
            {
              group: ['**/worker/*', '!**/worker/protocol'],
              message: 'src/client imports worker types from worker/protocol only (workers are created by URL).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts', 'src/state/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_INDEX_ONLY,
            { group: ['**/ui/*', '**/map/*', '**/app/*', '**/export/*'], message: 'src/state sits below map and ui: it imports neither.' },
            { group: ['**/worker/*', '!**/worker/protocol'], message: 'src/state reaches the workers through worker/protocol and src/client only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/map/**/*.ts', 'src/map/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_INDEX_ONLY,
            { group: ['**/ui/*', '**/app/*'], message: 'src/map does not import the UI (shared state lives in src/state).' },
            { group: ['**/worker/*', '!**/worker/protocol'], message: 'src/map reaches the workers through worker/protocol and src/client only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/export/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_INDEX_ONLY,
            { group: ['**/app/*'], message: 'The UI does not import the app shell.' },
            { group: ['**/worker/*', '!**/worker/protocol'], message: 'The UI reaches the workers through worker/protocol and src/client only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_INDEX_ONLY,
            { group: ['**/ui/*', '**/ui/**', '**/map/*', '**/state/*', '**/app/*'], message: 'src/i18n imports nothing from the UI.' },
          ],
        },
      ],
    },
  },
);
