import type { AuditLogsMessages } from './messages'
import { germanCount } from './messageWords'
import { germanNoticeMessages } from './noticeMessages'
import { germanDrawerMessages } from './drawerMessages'
import { germanRecordMessages } from './recordMessages'
import { germanIntegrityMessages } from './integrityMessages'
import { germanExportMessages } from './exportMessages'
import { germanSearchFormMessages } from './searchFormMessages'
import { germanSettingsMessages } from './settingsMessages'
import { germanInvestigationMessages } from './investigationMessages'
import { germanPanelMessages } from './panelMessages'
import { germanRowMessages } from './rowMessages'
import { germanSavedViewsMessages } from './savedViewsMessages'
import { germanTimelineMessages } from './timelineMessages'

/** German: every string of the viewer. Pass it as `messages={germanMessages}` with `locale="de-DE"`. */
export const germanMessages: AuditLogsMessages = {
  ...germanNoticeMessages,
  ...germanDrawerMessages,
  ...germanRecordMessages,
  ...germanIntegrityMessages,
  ...germanExportMessages,
  ...germanSearchFormMessages,
  ...germanSettingsMessages,
  ...germanInvestigationMessages,
  ...germanPanelMessages,
  ...germanRowMessages,
  ...germanSavedViewsMessages,
  ...germanTimelineMessages,
  tableLabel: 'Audit-Log',
  loading: 'Ereignisse werden geladen…',
  loadingMore: 'Weitere Ereignisse werden geladen…',
  empty: 'Keine Ereignisse passen zu dieser Suche.',
  emptyLog: 'Noch keine Ereignisse. Sie erscheinen hier, sobald sie geschehen.',
  clearSearch: 'Suche zurücksetzen',
  errorTitle: 'Das Audit-Log konnte nicht geladen werden.',
  errorMessage: (problem) => {
    switch (problem.kind) {
      case 'timeout':
        return `Der Audit-Log-Dienst hat nicht innerhalb von ${problem.seconds === 1 ? '1 Sekunde' : `${problem.seconds} Sekunden`} geantwortet.`
      case 'http':
        return problem.status === 401 || problem.status === 403
          ? `Sie sind nicht angemeldet oder dürfen dies nicht sehen (Fehler ${problem.status}).`
          : problem.status === 404
            ? 'Der Audit-Log-Dienst hat keinen solchen Eintrag (Fehler 404).'
            : problem.status === 429
              ? 'Der Audit-Log-Dienst ist ausgelastet (Fehler 429). Warten Sie einen Moment.'
              : problem.status >= 500
                ? `Beim Audit-Log-Dienst ist ein Fehler aufgetreten (Fehler ${problem.status}).`
                : problem.reason
                  ? `Der Audit-Log-Dienst hat diese Suche abgelehnt: ${problem.reason}`
                  : `Der Audit-Log-Dienst hat die Anfrage abgelehnt (Fehler ${problem.status}).`
      case 'network':
        return 'Der Audit-Log-Dienst ist nicht erreichbar. Prüfen Sie die Verbindung.'
      case 'malformed':
        return 'Die Antwort des Audit-Log-Dienstes ist nicht lesbar.'
      case 'paging-stopped':
        return `${problem.reason === 'repeated-cursor' ? 'Der Audit-Log-Dienst hat eine Seitenposition wiederholt' : 'Der Audit-Log-Dienst hat immer wieder leere Seiten gesendet'}; das Lesen wurde hier beendet, um ihn zu schonen.`
      case 'not-found':
        return 'Dieses Ereignis wurde nicht gefunden.'
      case 'invalid-query':
        return 'Der Audit-Log-Dienst kann diese Suche nicht beantworten.'
      case 'unknown':
        return 'Etwas ist schiefgegangen.'
    }
  },
  retry: 'Erneut versuchen',
  partFailed: (eventId) => `Dieser Teil des Audit-Logs konnte nicht angezeigt werden${eventId === undefined ? '' : ` (Ereignis ${eventId})`}.`,
  cellFailed: 'Die Wert- oder Formatfunktion dieses Feldes ist hier fehlgeschlagen; der Wert wird wie gespeichert gezeigt.',
  hiddenValue: (kind) => `Verborgen · ${kind === 'personal' ? 'personenbezogen' : 'geheim'}`,
  fieldLabels: {
    createdAt: 'Zeit',
    severity: 'Schweregrad',
    action: 'Aktion',
    resource: 'Ressource',
    module: 'Modul',
    result: 'Ergebnis',
    'user.name': 'Benutzer',
    'user.email': 'E-Mail',
    'user.id': 'Benutzer-ID',
    'user.permissionId': 'Berechtigungs-ID',
    tenantId: 'Mandant',
    ip: 'IP-Adresse',
    environment: 'Umgebung',
    locale: 'Gebietsschema',
    payload: 'Nutzdaten',
  },
  valueWords: {
    debug: 'Debug',
    info: 'Info',
    informational: 'Info',
    notice: 'Hinweis',
    low: 'Niedrig',
    medium: 'Mittel',
    warning: 'Warnung',
    high: 'Hoch',
    error: 'Fehler',
    critical: 'Kritisch',
    success: 'Erfolgreich',
    failed: 'Fehlgeschlagen',
    denied: 'Verweigert',
    active: 'Aktiv',
  },
  unreadableEvent: 'Unlesbar',
  eventCount: (value, formatted) => germanCount(value, formatted, 'Ereignis', 'Ereignisse'),
  eventCountAtLeast: (_value, formatted) => `${formatted}+ Ereignisse`,
  countAll: 'Alle zählen',
  counting: 'Wird gezählt…',
  countFailed: 'Zählen nicht möglich.',
  download: 'CSV herunterladen',
  exportUnavailable: (reason) =>
    reason === 'empty' ? 'Nichts herunterzuladen: keine Ereignisse passen.' : 'Nichts herunterzuladen, solange die Ereignisse nicht geladen sind.',
  exportScopeLabel: 'Welche Zeilen',
  exportScopeAll: 'Alle Treffer',
  exportScopeLoaded: (_value, formatted) => `Nur geladene Zeilen (${formatted})`,
  cancel: 'Abbrechen',
  rangeFormLabel: 'Zeitraum',
  rangeLabel: (from, to, zone) => `${from && to ? `${from} – ${to}` : from ? `Ab ${from}` : `Bis ${to ?? ''}`} (${zone})`,
  rangePresets: {
    all: 'Gesamter Zeitraum',
    'last-hour': 'Letzte Stunde',
    'last-24-hours': 'Letzte 24 Stunden',
    'last-7-days': 'Letzte 7 Tage',
    'last-30-days': 'Letzte 30 Tage',
    custom: 'Eigener Zeitraum',
  },
  textSearchLabel: 'Ereignisse durchsuchen',
  filtersLabel: 'Filter',
  filterMenu: 'Filter',
  removeFilter: (label, value) => `Filter ${label}: ${value} entfernen`,
  filterIsNot: 'ist nicht',
  clearFilters: 'Alle Filter entfernen',
  newEvents: (value, formatted, more) =>
    `${more ? `${formatted}+` : formatted} ${value === 1 && !more ? 'neues Ereignis' : 'neue Ereignisse'} — anzeigen`,
  settingsToggle: 'Datenstruktur',
  noPermission: 'Sie haben keine Berechtigung, Audit-Logs anzusehen.',
  notEnabled: 'Audit-Logs sind nicht aktiviert.',
  enable: 'Audit-Logs aktivieren',
}
