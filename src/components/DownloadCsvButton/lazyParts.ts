import { lazy } from 'react'

// What an export shows once it runs, its outcome and the rows menu: one chunk, fetched when the control is
// first pointed at or focused (or on the first export), so the control up front is only markup.
const load = () => import('./ExportParts')

/** Fetches the parts ahead of their use; a failure is left to the part's own loading. */
export const preloadExportParts = (): void => void load().catch(() => undefined)

export const ExportStatus = lazy(async () => ({ default: (await load()).ExportStatus }))
export const ExportFailure = lazy(async () => ({ default: (await load()).ExportFailure }))
export const ExportCancel = lazy(async () => ({ default: (await load()).ExportCancel }))
export const ExportMenuItems = lazy(async () => ({ default: (await load()).ExportMenuItems }))
