import { describe, expect, it } from 'vitest'

import { quoteCell, writeCsvRows, type CsvColumnSpec } from './csvRows'

const specs: CsvColumnSpec[] = [
  { type: 'text', formatted: false, raw: false },
  { type: 'json', formatted: false, raw: false },
]

describe('writeCsvRows', () => {
  it('writes the cells listed in `texts` as they are when they are cells already, and guards the others', () => {
    const cell = quoteCell('{"a":"=1"}')
    const cells = ['=SUM(A1)', cell, 'plain', '{"b":2}']
    expect(writeCsvRows(cells, specs, 'UTC', [1, 3], undefined, true).text).toBe(`"'=SUM(A1)",${cell}\r\nplain,{"b":2}\r\n`)
    // Without the flag the same texts are quoted as any text is.
    expect(writeCsvRows(cells, specs, 'UTC', [1, 3]).text).toBe(`"'=SUM(A1)",${quoteCell(cell)}\r\nplain,"{""b"":2}"\r\n`)
  })
})
