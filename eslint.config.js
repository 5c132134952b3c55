import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const RENDERER_PATTERNS = [
  {
    group: ['node:*', 'electron', '../main/*', '../../main/*', '../../../main/*'],
    message: 'The renderer never touches Node or Electron.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.tmp/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // shared/ is used by main, renderer and CLI alike: nothing runtime-specific.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'electron',
            'react',
            'react-dom',
            '../main/*',
            '../renderer/*',
            '../../main/*',
            '../../renderer/*',
          ],
        },
      ],
    },
  },
  {
    // The renderer never touches Node or Electron.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: RENDERER_PATTERNS }],
    },
  },
  {
    // Layers point one way: features/ may use editor/, scan/, ui/, api/ and i18n/, never the reverse.
    // (A later block replaces the rule's options, so the renderer's own patterns are repeated.)
    files: ['renderer/{editor,scan,ui,api,i18n}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_PATTERNS,
            {
              group: ['**/features/**'],
              message: 'editor/, scan/, ui/, api/ and i18n/ must not import features/: move what both need down a layer.',
            },
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (checked by `npm run lint`); rules that would fight it are off.
  prettier,
);
