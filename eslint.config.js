// One linter for the whole tree; it also enforces the folder boundaries (STYLE.md habit 3).
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'tls',
  'child_process',
  'stream',
  'url',
  'zlib',
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector:
            'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
    },
  },
  {
    // Config files are loaded by their tools through a default export.
    files: ['*.config.ts', '*.config.js', 'electron/core/sandbox/s3rver.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, even an empty one.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeBuiltins,
            'electron',
            'react',
            'react-dom',
            '**/electron/**',
            '**/renderer/**',
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    // Accessibility is checked as code is written (issue 14); axe checks the rendered pages in e2e.
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling region (the request log) must be reachable by keyboard to be scrolled.
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeBuiltins, 'electron', '**/electron/**', '**/e2e/**'] },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web-shell/**/*.ts', 'electron/launch.ts'],
    // Tests may use the test bed; product code may not.
    ignores: ['**/*.test.ts', 'electron/core/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', '**/shell/**', '**/renderer/**', '**/e2e/**'] },
      ],
    },
  },
  {
    // Raw IPC only in the two files that implement the contract's transport.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/ipc.ts', 'electron/shell/preload.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Use the contract (electron/shell/ipc.ts).' },
        { object: 'ipcRenderer', message: 'Use the contract (electron/shell/preload.ts).' },
      ],
    },
  },
)
