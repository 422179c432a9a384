import { lazy } from 'react'

// What an export shows once it runs, its outcome and the rows menu: one chunk, fetched when the menu first
// opens or the first export starts, so the control up front is only markup.
const load = () => import('./ExportParts')

export const ExportStatus = lazy(async () => ({ default: (await load()).ExportStatus }))
export const ExportCancel = lazy(async () => ({ default: (await load()).ExportCancel }))
export const ExportMenuItems = lazy(async () => ({ default: (await load()).ExportMenuItems }))
