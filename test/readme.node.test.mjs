import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

describe('the README', () => {
  it('shows the embed example exactly as the file the browser test renders', () => {
    const example = read('examples/embed/AuditLogPage.tsx')
    expect(read('README.md')).toContain('```tsx\n' + example + '```')
  })
})

describe('the docs', () => {
  it('embedding.md shows the custom layout exactly as the file the browser test renders', () => {
    expect(read('docs/embedding.md')).toContain('```tsx\n' + read('examples/embed/CustomLayout.tsx') + '```')
  })

  it.each(['cloudTrail', 'okta', 'gitHub', 'kubernetes', 'googleCloud', 'azureActivity'])(
    'vendors.md shows the %s mapping exactly as the file the vendor tests use',
    (name) => {
      expect(read('docs/vendors.md')).toContain('```ts\n' + read(`examples/vendors/${name}.ts`) + '```')
    },
  )
})
