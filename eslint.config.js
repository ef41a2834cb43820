import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'public/**'] },
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
            { group: ['react', 'react-*', 'maplibre-gl', '@deck.gl/*', 'comlink', 'zustand', 'i18next'], message: 'src/engine must not import UI or map code.' },
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
    // tests still at the top of test/ (to be moved under test/engine/).
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'test/**/*.{ts,tsx}'],
    ignores: [
      'src/engine/**',
      'test/engine/**',
      'test/{network-*,optimize*,blueprint,scenario}.test.ts',
      'test/fixtures/network/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/engine/*', '!**/engine/index'], message: 'Import the engine through its index (src/engine/index.ts) only.' }] },
      ],
    },
  },
);
