import { germanCount } from './messageWords'

/** The CSV export's progress and outcome; part of `AuditLogsMessages`. */
export interface ExportMessages {
  /** "12,000 of 48,213 events" (numbers already formatted); `total` is absent when unknown. */
  exportProgress: (written: string, total: string | undefined) => string
  exportDone: (rows: number, formatted: string, fileName: string) => string
  exportDoneByServer: (fileName: string) => string
  exportTruncated: (cells: number) => string
  /** Cells whose data-structure `value` or `format` function failed; they hold the value without it. */
  exportFailedCells: (cells: number) => string
  /** Events the backend sent from outside the exported range: left out of the file. */
  exportOutsideRange: (count: number, formatted: string) => string
  /** Exact copies of an earlier page's events, written once. */
  exportMerged: (count: number, formatted: string) => string
  exportFailed: string
  exportNoFile: string
  exportCancelled: string
}

/** The default English strings. */
export const exportMessages: ExportMessages = {
  exportProgress: (written, total) => (total === undefined ? `Exporting… ${written} events` : `Exporting… ${written} of ${total} events`),
  exportDone: (rows, formatted, fileName) => `Downloaded ${rows === 1 ? '1 event' : `${formatted} events`} to ${fileName}.`,
  exportDoneByServer: (fileName) => `Downloaded ${fileName}, prepared by the server.`,
  exportTruncated: (cells) =>
    `${cells === 1 ? '1 cell was' : `${cells} cells were`} longer than Excel's 32,767-character limit and cut, marked "…[truncated]".`,
  exportFailedCells: (cells) =>
    `${cells === 1 ? '1 cell' : `${cells} cells`} could not be formatted as the data structure says and ${cells === 1 ? 'holds its value' : 'hold their values'} as stored.`,
  exportOutsideRange: (count, formatted) =>
    `${count === 1 ? '1 event' : `${formatted} events`} the audit-log service sent from outside the range ${count === 1 ? 'was' : 'were'} left out.`,
  exportMerged: (count, formatted) =>
    `The audit-log service sent ${count === 1 ? '1 event' : `${formatted} events`} again on a later page, exactly alike; each was written once.`,
  exportFailed: 'The export failed.',
  exportNoFile: 'No file was saved.',
  exportCancelled: 'Export cancelled. No file was saved.',
}

/** German strings. */
export const germanExportMessages: ExportMessages = {
  exportProgress: (written, total) =>
    total === undefined ? `Export läuft… ${written} Ereignisse` : `Export läuft… ${written} von ${total} Ereignissen`,
  exportDone: (rows, formatted, fileName) => `${germanCount(rows, formatted, 'Ereignis', 'Ereignisse')} nach ${fileName} heruntergeladen.`,
  exportDoneByServer: (fileName) => `${fileName} heruntergeladen, vom Server erstellt.`,
  exportTruncated: (cells) =>
    `${cells === 1 ? '1 Zelle war' : `${cells} Zellen waren`} länger als Excels Grenze von 32.767 Zeichen und wurde gekürzt, markiert mit „…[truncated]“.`,
  exportFailedCells: (cells) =>
    `${cells === 1 ? '1 Zelle konnte' : `${cells} Zellen konnten`} nicht wie in der Datenstruktur angegeben formatiert werden und ${cells === 1 ? 'enthält ihren Wert' : 'enthalten ihre Werte'} wie gespeichert.`,
  exportOutsideRange: (count, formatted) =>
    `${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} außerhalb des Zeitraums, vom Audit-Log-Dienst gesendet, ${count === 1 ? 'wurde' : 'wurden'} ausgelassen.`,
  exportMerged: (count, formatted) =>
    `Der Audit-Log-Dienst hat ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} auf einer späteren Seite erneut gesendet, genau gleich; jedes wurde einmal geschrieben.`,
  exportFailed: 'Der Export ist fehlgeschlagen.',
  exportNoFile: 'Es wurde keine Datei gespeichert.',
  exportCancelled: 'Export abgebrochen. Es wurde keine Datei gespeichert.',
}
