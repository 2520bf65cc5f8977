import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const otherLayers = ['app', 'db', 'io', 'server', 'client', 'cli', 'web', 'contract', 'runtime'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The dependency rule: the domain is pure and imports no other layer.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: otherLayers.map((l) => `../${l}/*`).concat(otherLayers.map((l) => `../${l}.js`)), message: 'src/domain must not import other layers.' },
            { group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'hono', '@hono/*'], message: 'src/domain must not do I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../db/*', '../server/*', '../cli/*', '../web/*', '../io/*'], message: 'src/app imports only the domain and its own ports.' }] },
      ],
    },
  },
);
