import { checkExportRequest, csvStream, exportFields, safeFileName } from '../exportCsv'
import { csvResponse, readJson } from '../http'
import { searchConditions, sortPlan } from '../query'
import { Params } from '../sql'
import type { RouteContext } from './context'

/**
 * `POST /export`: the CSV of every matching event, streamed. The body is the fetch adapter's server export
 * request (`{ query, columns, timeZone, fileName }`); a search that cannot run is a 400 before any byte is sent.
 */
export async function exportEvents({ request, tenantId, options }: RouteContext): Promise<Response> {
  const exportRequest = checkExportRequest(await readJson(request, options.maxBodyBytes))
  searchConditions(exportRequest.search, new Params())
  sortPlan(exportRequest.search.sort, new Params())
  const stored = (await options.store.loadFieldConfig(tenantId)) ?? []
  const fields = exportFields(exportRequest, options.fields, stored)
  return csvResponse(csvStream(options.store, tenantId, exportRequest, fields), safeFileName(exportRequest.fileName))
}
