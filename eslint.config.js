import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers, each importing only those before it: core ← adapter ← export ← hooks ← components, and the
 * server (Node only) beside them, sharing core and the adapter's REST contract. Tests and stories may reach
 * across (they build whole viewers); the code may not.
 */
const LAYERS = {
  core: ['adapter', 'export', 'hooks', 'components', 'server', 'msw', 'cli'],
  adapter: ['export', 'hooks', 'components', 'server', 'msw', 'cli'],
  export: ['hooks', 'components', 'server', 'msw', 'cli'],
  hooks: ['components', 'server', 'msw', 'cli'],
  components: ['server', 'msw', 'cli'],
  msw: ['export', 'hooks', 'components', 'server', 'cli'],
  server: ['hooks', 'components', 'cli'],
}
const layerRules = Object.entries(LAYERS).map(([layer, above]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.{ts,tsx}', '**/*.stories.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...above.map((other) => ({
            group: [`../${other}/*`, `../../${other}/*`, `../../../${other}/*`, `../${other}`, `../../${other}`],
            message: `${layer} may not import ${other}: the layers go core ← adapter ← export ← hooks ← components (server beside them).`,
          })),
          { group: ['**/test/**'], message: 'What ships may not import test support (test/support is for tests and stories).' },
        ],
      },
    ],
  },
}))

export default tseslint.config(
  {
    ignores: [
      'dist',
      'storybook-static',
      'coverage',
      'public/mockServiceWorker.js',
      '.vitest-reports',
      '.demo-dist',
      '.audit-trail-dist',
      '.saved-views-dist',
      '.demo-data',
      '.story-page-dist',
      '.size-check-dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Nothing from an event is ever rendered as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render event data as HTML.' },
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'Never render event data as HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never render event data as HTML.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is the idiom of every React handler.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  ...layerRules,
  {
    // Modules that import each other (even for types) are one module in two files: nothing in src may.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Tests fake async APIs with plain values and assert with asymmetric matchers (typed `any`).
    files: ['**/*.test.{ts,tsx}', '**/*.stories.tsx', 'test/support/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
