import os from 'node:os'

/** One line about the machine the figures come from. */
export function machineLine() {
  const cpus = os.cpus()
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · ${os.platform()} ${os.release()} · Node ${process.version}`
}

/** Prints rows of [figure, value, budget, verdict] as an aligned table. */
export function printTable(title, rows) {
  const header = ['figure', 'value', 'budget', '']
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => String(row[column] ?? '').length)))
  console.log(`\n${title}`)
  for (const [index, row] of all.entries()) {
    console.log(row.map((cell, column) => String(cell ?? '').padEnd(widths[column])).join('  '))
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  }
}

export const verdict = (within) => (within ? 'within budget' : 'OVER BUDGET')
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`
export const ms = (value) => `${value.toFixed(0)} ms`
