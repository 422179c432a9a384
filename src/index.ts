// Core: types and pure logic
export type {
  AuditEvent,
  AuditField,
  AuditFieldType,
  AuditPage,
  AuditQuery,
  AuditSearch,
  AuditSort,
  SortDirection,
  TimeFormat,
  Tone,
} from './core/types'
export type { QueryCapabilities } from './core/queryable'
export type { Histogram, HistogramBucket, HistogramGroup, HistogramRequest } from './core/histogram'
export type { SavedView, SavedViewInput, ViewScope } from './core/savedViews'
export { defaultFields, fieldValue, isExported, isShown } from './core/fields'
export { DEFAULT_SENSITIVE_NAMES, isHiddenValue, type HiddenValue, type SensitiveKind } from './core/sensitive'
export { defineFields, type TypedAuditField } from './core/defineFields'
export type { EventPath } from './core/eventPath'
export { mergeStoredConfig, toStoredConfig, type StoredField } from './core/fieldConfig'
export { checkNewField, moveField, newCustomField, type NewFieldInput, type NewFieldProblem } from './core/newField'
export { toInstantRange, presetRange, wallClockToInstant, type DateRangeInput, type DateRangeProblem, type RangePreset } from './core/dateRange'
export { formatField, formatValue, type FormatOptions } from './core/format'
export { defaultMessages } from './core/defaultMessages'
export type { AuditLogsMessages } from './core/messages'
export type { InputProblem, IntegrityProblemReason } from './core/problems'
export { germanMessages } from './core/messages.de'
export { getPath, isValidPath } from './core/path'
export { normaliseTime, toZonedIso } from './core/time'
export { timeRepresentations, type TimeRepresentations } from './core/timeRepresentations'
export { createCsvWriter, csvColumns, csvValue, neutraliseFormula, type CsvWriter, type CsvWriterOptions } from './core/csv'
export { exportFileName } from './core/exportFileName'

// Adapters
export type { AdapterCallOptions, AuditLogsAdapter, ServerExport, ServerExportRequest } from './adapter/types'
export { AuditLogsError, isAuditLogsError, type AuditLogsErrorCode } from './adapter/errors'
export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './adapter/memoryAdapter'
export { chainEvents, type ChainLink } from './core/integrityChain'
export type { EventIntegrity, IntegrityProblem, IntegrityReport, IntegrityRequest } from './core/integrity'
export { createFetchAdapter, type FetchAdapterOptions, type UncheckedPage } from './adapter/fetchAdapter'
export { queryToSearchParams, searchParamsToQuery } from './adapter/restContract'
export { decodeOffsetCursor, encodeOffsetCursor } from './adapter/cursor'
export { validateEvent, validatePage } from './adapter/validate'
export { histogramToSearchParams, searchParamsToHistogram } from './adapter/histogramContract'
export { validateHistogram } from './adapter/validateHistogram'
export { validateView, validateViews } from './adapter/validateViews'
export { unreadableProblem } from './core/unreadable'
export { withTimeout } from './adapter/timeout'

// Export
export { runCsvExport, type CsvExportOptions, type CsvExportProgress, type CsvExportResult } from './export/runCsvExport'
export { type CsvSink } from './export/sinks'

// Hooks
export { EVENTS_HELD, pagesHeld, useAuditEvents, type UseAuditEventsOptions, type UseAuditEventsResult } from './hooks/useAuditEvents'
export { useAuditEvent, type UseAuditEventResult } from './hooks/useAuditEvent'
export { auditQueryKeys } from './hooks/queryKeys'
export { useFieldConfig, type UseFieldConfigOptions, type UseFieldConfigResult } from './hooks/useFieldConfig'
export { useFieldValues, type UseFieldValuesOptions, type UseFieldValuesResult } from './hooks/useFieldValues'
export { useNewEventCount, type NewEventCount } from './hooks/useNewEventCount'
export { useCsvExport, type CsvExportScope, type CsvExportState, type UseCsvExportOptions, type UseCsvExportResult } from './hooks/useCsvExport'

// Components
export { AuditLogs, type AuditLogsProps } from './components/AuditLogs/AuditLogs'
export { AuditLogsProvider, type AuditLogsProviderProps } from './components/AuditLogsProvider/AuditLogsProvider'
export { useAuditLogs, type UseAuditLogsResult } from './components/AuditLogsProvider/useAuditLogs'
export { AuditLogsTable, type AuditLogsTableProps } from './components/AuditLogsTable/AuditLogsTable'
export { EventDetailDrawer, type EventDetailDrawerProps } from './components/EventDetailDrawer/EventDetailDrawer'
export { DownloadCsvButton, type DownloadCsvButtonProps } from './components/DownloadCsvButton/DownloadCsvButton'
export { CommandBar, type CommandBarProps } from './components/CommandBar/CommandBar'
export { DateRangeButton, type DateRangeButtonProps } from './components/DateRangeSearch/DateRangeButton'
export { DateRangeSearch, type DateRangeSearchProps, type PresetChoice } from './components/DateRangeSearch/DateRangeSearch'
export { TextSearch, type TextSearchProps } from './components/TextSearch/TextSearch'
export { FilterBar, type FilterBarProps } from './components/FilterBar/FilterBar'
export { FilterButton, type FilterButtonProps } from './components/FilterBar/FilterButton'
export { FilterChips, type FilterChipsProps } from './components/FilterBar/FilterChips'
export { FilterForm, type FilterFormProps } from './components/FilterBar/FilterForm'
export { NewEventsNotice } from './components/NewEventsNotice/NewEventsNotice'
export { Timeline, type TimelineProps } from './components/Timeline/Timeline'
export { FieldSettings, type FieldSettingsProps } from './components/FieldSettings/FieldSettings'
export { fieldsToColumns } from './components/AuditLogsTable/columns'
