// The export's parts that load after the control itself (see lazyParts).
export { ExportMenuItems } from './ExportMenu'
export { ExportCancel, ExportStatus } from './ExportStatus'
