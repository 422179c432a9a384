// The layers are held by lint: an import against their direction fails `eslint`, in code but not in tests; so does
// an import that closes a circle of modules.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({ cwd: ROOT })

/** The rules broken when `line` is added to an existing file of the project. */
async function rulesBrokenBy(file, line) {
  const text = `${readFileSync(`${ROOT}${file}`, 'utf8')}\n${line}\n`
  const [result] = await eslint.lintText(text, { filePath: `${ROOT}${file}` })
  return result.messages.map((message) => message.ruleId)
}

describe('layers held by lint', () => {
  it.each([
    ['src/core/path.ts', "import '../hooks/useFieldConfig'"],
    ['src/core/path.ts', "import '../components/AuditLogs/AuditLogs'"],
    ['src/adapter/errors.ts', "import '../export/runCsvExport'"],
    ['src/hooks/useFieldConfig.ts', "import '../components/AuditLogs/AuditLogs'"],
    ['src/server/sensitive.ts', "import '../components/AuditLogs/AuditLogs'"],
    ['src/core/path.ts', "import '../../test/support/events'"],
    ['src/server/sensitive.ts', "import '../../test/support/server/database'"],
  ])('%s may not import %s', async (file, line) => {
    expect(await rulesBrokenBy(file, line)).toContain('no-restricted-imports')
  })

  it('lets tests and stories import test support', async () => {
    expect(await rulesBrokenBy('src/core/path.test.ts', "import '../../test/support/events'")).not.toContain('no-restricted-imports')
  })

  it('lets each layer import those before it', async () => {
    expect(await rulesBrokenBy('src/hooks/useFieldConfig.ts', "import '../core/path'")).not.toContain('no-restricted-imports')
    expect(await rulesBrokenBy('src/components/FieldValue/FieldValue.tsx', "import '../../hooks/useFieldConfig'")).not.toContain(
      'no-restricted-imports',
    )
  })

  it('fails an import that closes a circle of modules', async () => {
    // fields.ts imports path.ts (and time.ts), so either importing fields.ts closes a circle.
    expect(await rulesBrokenBy('src/core/path.ts', "import { defaultFields } from './fields'\nexport const first = defaultFields[0]")).toContain(
      'import-x/no-cycle',
    )
    expect(await rulesBrokenBy('src/core/time.ts', "import { defaultFields } from './fields'\nexport const first = defaultFields[0]")).toContain(
      'import-x/no-cycle',
    )
  })

  it('lets a module import what does not import it back', async () => {
    expect(await rulesBrokenBy('src/core/fields.ts', "import { isValidPath } from './path'\nexport const valid = isValidPath")).not.toContain(
      'import-x/no-cycle',
    )
  })
})
