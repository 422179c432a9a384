// The built package's fetch adapter (dist/adapter/fetchAdapter.js, which dist/index.js re-exports) in a
// page, as a host's viewer uses it: the session token in a header, the server export on.
import { createFetchAdapter } from '/dist/adapter/fetchAdapter.js'

const adapter = createFetchAdapter({
  baseUrl: '/api/audit-logs',
  headers: () => ({ authorization: `Bearer ${window.sessionTenant}` }),
  serverExport: (request) => ({ path: '/export', body: request }),
})
const signal = new AbortController().signal

/** Every page of a search, as the table loads them on scroll; the ids in order and the pages' totals. */
window.pageThrough = async (search, limit) => {
  const ids = []
  const totals = []
  let cursor
  do {
    const page = await adapter.listEvents({ ...search, limit, ...(cursor ? { cursor } : {}) }, { signal })
    ids.push(...page.events.map((event) => event.id))
    totals.push(page.total)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return { ids, totals }
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
