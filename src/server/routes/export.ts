import { recordExport } from '../accessEvents'
import { checkExportRequest, exportFields, safeFileName } from '../export/exportRequest'
import { csvStream } from '../exportCsv'
import { exportWithManifest, zipResponse } from '../export/exportWithManifest'
import { csvResponse, readJson } from '../http'
import { searchConditions, sortPlan } from '../query'
import { policyFor, refuseHiddenKeys } from '../sensitive'
import { Params } from '../sql'
import type { RouteContext } from './context'

/**
 * `POST /export`: the CSV of every matching event, streamed. The body is the fetch adapter's server export
 * request (`{ query, columns, timeZone, fileName }`); a search that cannot run is a 400 before any byte is sent.
 * The export is recorded in the same log, as an event of the request's actor, before the file starts.
 */
export async function exportEvents(context: RouteContext): Promise<Response> {
  const { request, tenantId, options } = context
  const body = await readJson(request, options.maxBodyBytes)
  const exportRequest = checkExportRequest(body)
  const policy = await policyFor(context)
  refuseHiddenKeys(exportRequest.search, policy)
  searchConditions(exportRequest.search, new Params())
  sortPlan(exportRequest.search.sort, new Params())
  const stored = (await options.store.loadFieldConfig(tenantId)) ?? []
  const fields = exportFields(exportRequest, options.fields, stored)
  // The file holds what was stored when it was asked for; its own record, written next, is not in it.
  const now = Date.now()
  await recordExport(context, exportRequest)
  // `"manifest": true`: a zip of the CSV and its signed manifest, for an auditor to verify offline.
  if (typeof body === 'object' && body !== null && (body as { manifest?: unknown }).manifest === true) {
    return zipResponse(
      exportWithManifest(options.store, tenantId, exportRequest, fields, now, policy),
      safeFileName(exportRequest.fileName).replace(/\.csv$/, '.zip'),
    )
  }
  return csvResponse(csvStream(options.store, tenantId, exportRequest, fields, { now, policy }), safeFileName(exportRequest.fileName))
}
