import { checkExportRequest, csvStream, exportFields, safeFileName } from '../exportCsv'
import { exportWithManifest, zipResponse } from '../export/exportWithManifest'
import { csvResponse, readJson } from '../http'
import { searchConditions, sortPlan } from '../query'
import { Params } from '../sql'
import type { RouteContext } from './context'

/**
 * `POST /export`: the CSV of every matching event, streamed. The body is the fetch adapter's server export
 * request (`{ query, columns, timeZone, fileName }`); a search that cannot run is a 400 before any byte is sent.
 */
export async function exportEvents({ request, tenantId, options }: RouteContext): Promise<Response> {
  const body = await readJson(request, options.maxBodyBytes)
  const exportRequest = checkExportRequest(body)
  searchConditions(exportRequest.search, new Params())
  sortPlan(exportRequest.search.sort, new Params())
  const stored = (await options.store.loadFieldConfig(tenantId)) ?? []
  const fields = exportFields(exportRequest, options.fields, stored)
  // `"manifest": true`: a zip of the CSV and its signed manifest, for an auditor to verify offline.
  if (typeof body === 'object' && body !== null && (body as { manifest?: unknown }).manifest === true) {
    return zipResponse(
      exportWithManifest(options.store, tenantId, exportRequest, fields),
      safeFileName(exportRequest.fileName).replace(/\.csv$/, '.zip'),
    )
  }
  return csvResponse(csvStream(options.store, tenantId, exportRequest, fields), safeFileName(exportRequest.fileName))
}
