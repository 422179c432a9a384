// The built package's fetch adapter (dist/adapter/fetchAdapter.js, which dist/index.js re-exports) in a
// page, as a host's viewer uses it: the session token in a header, the server export and the data structure on.
import { createFetchAdapter } from '/dist/adapter/fetchAdapter.js'

const adapter = createFetchAdapter({
  baseUrl: '/api/audit-logs',
  headers: () => ({ authorization: `Bearer ${window.sessionTenant}` }),
  serverExport: (request) => ({ path: '/export', body: request }),
  fieldConfigPath: '/field-config',
})
const signal = new AbortController().signal

/**
 * Every page of a search, as the table loads them on scroll; the ids in order and the pages' totals. With
 * `between`, the page awaits `window.betweenPages(lastCreatedAt, more)` (exposed by the test) after each page,
 * so events arrive while the log is walked.
 */
window.pageThrough = async (search, limit, between = false) => {
  const ids = []
  const totals = []
  let cursor
  do {
    const page = await adapter.listEvents({ ...search, limit, ...(cursor ? { cursor } : {}) }, { signal })
    ids.push(...page.events.map((event) => event.id))
    totals.push(page.total)
    cursor = page.nextCursor ?? undefined
    if (between) await window.betweenPages(page.events.at(-1)?.createdAt ?? null, cursor !== undefined)
  } while (cursor)
  return { ids, totals }
}

/**
 * One adapter call (`listEvents`, `getEvent`, `loadFieldConfig`, `saveFieldConfig`) with its arguments, and
 * optionally a tenant header (the adapter's `tenantId` call option, sent as `x-tenant-id`): its value, or the
 * error's status and message.
 */
window.callAdapter = async (method, args, tenantHeader) => {
  try {
    const value = await adapter[method](...args, { signal, ...(tenantHeader ? { tenantId: tenantHeader } : {}) })
    return { ok: true, value: value ?? null }
  } catch (error) {
    return { ok: false, status: error.status ?? null, message: String(error.message ?? error) }
  }
}

/** A server export saved as the viewer saves a stream: one Blob, one download. */
window.download = async (request) => {
  const made = await adapter.exportCsv(request, { signal })
  const blob = await new Response(made.stream).blob()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = request.fileName
  document.body.append(link)
  link.click()
  return blob.size
}
