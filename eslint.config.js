import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The import rule of STYLE.md: core imports nothing of ours; stages import only
// core (they talk through the record); web talks to the API over HTTP only.
const stagesOnlyCore = {
  patterns: [
    {
      group: [
        '**/store/**',
        '**/corpus/**',
        '**/api/**',
        '**/cli/**',
        '**/eval/**',
        '**/pipeline.js',
      ],
      message: 'stages import only core: they communicate through the record',
    },
  ],
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', '!../core/*'], message: 'core imports nothing of ours' }] },
      ],
    },
  },
  {
    files: ['src/stages/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', stagesOnlyCore] },
  },
  {
    files: ['src/web/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: 'web talks to the API over HTTP only' }] },
      ],
    },
  },
)
