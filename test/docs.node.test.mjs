import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]
const read = (path) => readFileSync(join(root, path), 'utf8')

/** Markdown without fenced code blocks: what is in them is code, not links or headings. */
const withoutFences = (text) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')

/** Prose only: no fenced blocks and no inline code spans (a path such as `[...path]` is not a link). */
const prose = (text) => withoutFences(text).replace(/(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '')

/** GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
export const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')

/** Every anchor a page offers, numbered as GitHub numbers repeated headings ("x", "x-1", …). */
const anchorsOf = (path) => {
  const seen = new Map()
  const anchors = new Set()
  for (const [, text] of withoutFences(read(path)).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

/** Every relative link and image of a page: Markdown `[..](..)`, `![..](..)`, and HTML `src` / `href`. */
const targetsOf = (path) => {
  const text = prose(read(path))
  const markdown = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1])
  const html = [...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1])
  return [...markdown, ...html].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
}

/** Why a link cannot be followed, or null when it can. */
const problemOf = (from, target) => {
  const [file, anchor] = target.split('#', 2)
  const path = file === '' ? from : relative(root, join(root, dirname(from), decodeURIComponent(file)))
  if (!existsSync(join(root, path))) return `${target}: no file ${path}`
  if (anchor === undefined || anchor === '') return null
  if (!path.endsWith('.md') || statSync(join(root, path)).isDirectory()) return `${target}: an anchor into ${path}`
  return anchorsOf(path).has(anchor) ? null : `${target}: no heading #${anchor} in ${path}`
}

describe('the documentation', () => {
  it('finds its pages: the README and docs/*.md', () => {
    expect(pages).toContain('README.md')
    expect(pages.length).toBeGreaterThan(1)
    expect(targetsOf('README.md').length).toBeGreaterThan(10)
  })

  it.each(pages)('%s: every relative link and image resolves, anchors to a heading', (path) => {
    const targets = targetsOf(path)
    expect(targets.map((target) => problemOf(path, target)).filter((problem) => problem !== null)).toEqual([])
  })

  it('keeps the README to at most 300 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(300)
  })

  it('links every docs page from the README, and each page says what it is for under its title', () => {
    const linked = new Set(targetsOf('README.md').map((target) => target.split('#')[0]))
    for (const page of pages.filter((path) => path.startsWith('docs/'))) {
      expect(linked, page).toContain(page)
      expect(read(page), page).toMatch(/^# .+\n\n[^#\s].+/)
    }
  })

  it("reads anchors as GitHub makes them: punctuation dropped, '-' and '_' kept", () => {
    expect(slug('REST: `createFetchAdapter`')).toBe('rest-createfetchadapter')
    expect(slug('Integrity: "Verified through …" or an alarm')).toBe('integrity-verified-through--or-an-alarm')
    expect(slug('The data structure (fields)')).toBe('the-data-structure-fields')
    expect(slug('Mocking the API: `react-audit-logs/msw`')).toBe('mocking-the-api-react-audit-logsmsw')
    expect(slug('snake_case and kebab-case')).toBe('snake_case-and-kebab-case')
  })
})
