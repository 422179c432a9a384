import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

describe('the README', () => {
  it('shows the embed example exactly as the file the browser test renders', () => {
    const example = read('examples/embed/AuditLogPage.tsx')
    expect(read('README.md')).toContain('```tsx\n' + example + '```')
  })
})
