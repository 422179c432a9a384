import Papa from 'papaparse'
import { commands } from 'vitest/browser'

/** A CSV file as Chromium saved it: its name, whether it starts with a BOM, and its rows. */
export interface SavedCsv {
  name: string
  bom: boolean
  rows: string[][]
}

/**
 * Clicks (or does) what starts a download and reads the file Chromium saved, through the browser commands
 * in `test/commands/downloads.ts`. For browser tests only.
 */
export async function downloadCsv(start: () => Promise<unknown>): Promise<SavedCsv> {
  await commands.expectDownload()
  await start()
  const { name, text } = await commands.takeDownload()
  const bom = text.startsWith('\uFEFF')
  return { name, bom, rows: Papa.parse<string[]>(bom ? text.slice(1) : text, { newline: '\r\n', skipEmptyLines: true }).data }
}
