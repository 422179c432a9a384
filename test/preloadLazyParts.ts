/**
 * Loads the viewer's lazy parts (drawer, settings, notices, saved views, export with papaparse) before a test or story
 * renders. On a cold dev server each is transformed on first request, which on a busy machine can take
 * seconds; loaded first, a test waits only for what it tests. The parts still load through `React.lazy`:
 * their modules are then already in the browser's module map. Production builds (the end-to-end tests,
 * the story page and the benchmarks) load them as a host page does.
 */
export async function preloadLazyParts(): Promise<void> {
  await Promise.all([
    import('../src/components/EventDetailDrawer/EventDetailDrawer'),
    import('../src/components/Timeline/Timeline'),
    import('../src/components/FieldSettings/FieldSettings'),
    import('../src/components/DateRangeSearch/DateRangeSearch'),
    import('../src/components/FilterBar/FilterForm'),
    import('../src/components/DownloadCsvButton/ExportStatus'),
    import('../src/components/NewEventsNotice/NewEventsNotice'),
    import('../src/components/AuditLogsTable/InputNotices'),
    import('../src/components/AuditLogsTable/BackendNotices'),
    import('../src/components/AuditLogsTable/EmptyResults'),
    import('../src/components/AuditLogsTable/CountAll'),
    import('../src/components/SavedViews/SavedViewsButton'),
    import('../src/components/IntegrityIndicator/IntegrityIndicator'),
    import('../src/components/DownloadCsvButton/ExportParts'),
    import('../src/core/fieldConfig'),
    import('../src/export/runCsvExport'),
    import('../src/export/sinks'),
    import('papaparse'),
  ])
}
