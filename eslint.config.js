import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'data/**', 'test-results/**', 'public/**'] },
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
);
