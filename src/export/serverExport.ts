// The adapter's own server export: the file is made by the backend, the browser only saves it.
import { callOptions } from '../adapter/types'
import { csvColumns } from '../core/csvCell'
import type { AuditEvent } from '../core/types'
import { triggerDownload } from './sinks'
import { pinRange } from './exportPages'
import type { CsvExportOptions, CsvExportResult } from './exportTypes'

/** Lets the adapter's own server export make the file; a URL downloads as it is, bytes go to the sink. */
export async function runServerExport<TEvent extends AuditEvent>(options: CsvExportOptions<TEvent>): Promise<CsvExportResult> {
  const { adapter, sink, signal } = options
  const fileName = options.fileName ?? 'audit-logs.csv'
  try {
    if (!adapter.exportCsv) throw new Error('unreachable: the adapter has no exportCsv')
    const request = {
      query: pinRange(options.search, options.now ?? Date.now()),
      columns: csvColumns(options.fields).map((field) => ({ key: field.key, label: field.label })),
      timeZone: options.timeZone,
      fileName,
    }
    const made = await adapter.exportCsv(request, callOptions(signal, options.tenantId))
    // An adapter that does not listen to the signal still delivers nothing after a cancel (or a tenant change).
    signal.throwIfAborted()
    if ('url' in made) {
      await sink.abort()
      triggerDownload(made.url, fileName)
      return { rows: undefined, truncatedCells: 0, failedCells: 0, outsideRange: 0, merged: 0 }
    }
    if ('blob' in made) {
      await sink.write(new Uint8Array(await made.blob.arrayBuffer()))
    } else {
      const reader = made.stream.getReader()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        signal.throwIfAborted()
        await sink.write(chunk.value)
      }
    }
    signal.throwIfAborted()
    await sink.close()
    return { rows: undefined, truncatedCells: 0, failedCells: 0, outsideRange: 0, merged: 0 }
  } catch (error) {
    await sink.abort()
    throw error
  }
}
