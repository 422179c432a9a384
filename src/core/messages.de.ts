import type { AuditLogsMessages } from './messages'
import { germanInvestigationMessages } from './investigationMessages'
import { germanPanelMessages } from './panelMessages'
import { germanRowMessages } from './rowMessages'
import { germanSavedViewsMessages } from './savedViewsMessages'
import { germanTimelineMessages } from './timelineMessages'

const count = (value: number, formatted: string, one: string, many: string): string => (value === 1 ? `1 ${one}` : `${formatted} ${many}`)

/** „10 Jahre“ oder „90 Tage“. */
const spanDe = (days: number): string => (days >= 730 ? `${String(Math.round(days / 365.25))} Jahre` : `${String(days)} Tage`)

/** German: every string of the viewer. Pass it as `messages={germanMessages}` with `locale="de-DE"`. */
export const germanMessages: AuditLogsMessages = {
  ...germanTimelineMessages,
  ...germanRowMessages,
  ...germanInvestigationMessages,
  ...germanSavedViewsMessages,
  ...germanPanelMessages,
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
  pagingStopped: (reason) =>
    `${reason === 'repeated-cursor' ? 'Der Audit-Log-Dienst hat eine Seitenposition wiederholt' : 'Der Audit-Log-Dienst hat immer wieder leere Seiten gesendet'}; das Laden wurde hier beendet, um ihn zu schonen. Die Liste ist womöglich unvollständig.`,
  totalContradicted: (reported, delivered) =>
    `Der Audit-Log-Dienst hat ${reported} passende Ereignisse gezählt, aber ${delivered} gesendet; die angezeigte Anzahl ist auf das Gesendete berichtigt.`,
  outsideRange: (count, formatted) =>
    `Der Audit-Log-Dienst hat ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} außerhalb des gesuchten Zeitraums gesendet; ${count === 1 ? 'es wird' : 'sie werden'} nicht angezeigt.`,
  repeatedIds: (count, formatted) =>
    `${count === 1 ? '1 Ereignis teilt seine ID' : `${formatted} Ereignisse teilen ihre IDs`} mit einem anderen Ereignis, ${count === 1 ? 'unterscheidet' : 'unterscheiden'} sich aber davon; jedes wird als eigene Zeile gezeigt.`,
  mergedCopies: (count, formatted) =>
    `Der Audit-Log-Dienst hat ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} auf einer späteren Seite erneut gesendet, genau gleich; jedes wird einmal gezeigt.`,
  logChanged:
    'Das Audit-Log hat sich geändert, während Sie es gelesen haben: manche Zeilen stehen womöglich nicht an ihrem Platz. Laden Sie neu, um es so zu sehen, wie es jetzt ist.',
  noticesTitle: 'Einiges von dem, was der Server sandte, wurde berichtigt',
  dismissNotices: 'Ausblenden',
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
  unreadableEventDetail: 'Diese Zeile ist kein vollständiges Ereignis und wird so gezeigt, wie sie kam:',
  eventCount: (value, formatted) => count(value, formatted, 'Ereignis', 'Ereignisse'),
  eventCountAtLeast: (_value, formatted) => `${formatted}+ Ereignisse`,
  countAll: 'Alle zählen',
  counting: 'Wird gezählt…',
  countFailed: 'Zählen nicht möglich.',
  eventFallbackTitle: 'Ereignis',
  close: 'Schließen',
  nextEvent: 'Nächstes Ereignis',
  previousEvent: 'Vorheriges Ereignis',
  timeHeading: 'Zeitstempel',
  fieldsHeading: 'Was geschah',
  contextHeading: 'Kontext',
  payloadHeading: 'Nutzdaten',
  otherPropertiesHeading: 'Weitere Eigenschaften',
  eventIdLabel: 'Ereignis-ID',
  actorLabel: 'Akteur',
  whenLabel: 'Zeitpunkt',
  showEmptyFields: (count) => `Leere Felder anzeigen (${String(count)})`,
  hideEmptyFields: 'Leere Felder ausblenden',
  serverRecordHeading: 'Vom Server festgehalten',
  receivedAtLabel: 'Empfangen',
  markText: (mark, { length, by }) => {
    switch (mark.kind) {
      case 'replaced':
        return 'Enthielt Zeichen, die nicht gespeichert werden können (NUL oder ein defektes Zeichen); jedes wird als � gezeigt. Das Original steht unten.'
      case 'truncated':
        return `Zu lang zum Speichern: Der Anfang ist erhalten. Das Original hatte ${length} Zeichen${mark.replaced === true ? ' und Zeichen, die nicht gespeichert werden können' : ''}.`
      case 'flattened':
        return 'Zu tief verschachtelt oder als Ganzes zu groß: als JSON-Text gespeichert.'
      case 'renamed':
        return 'Der Name der Eigenschaft enthielt Zeichen, die nicht gespeichert werden können; jedes wird als � gezeigt. Der ursprüngliche Name steht unten.'
      case 'reserved':
        return 'Der Absender hat diese Eigenschaft gesetzt, die der Server selbst schreibt; was er sandte, steht unten.'
      case 'clock-ahead':
        return `Die Zeit des Absenders geht der Serveruhr um ${by} voraus.`
      case 'clock-behind':
        return `Die Zeit des Absenders liegt ${by} hinter der Serveruhr.`
    }
  },
  markOriginal: 'Original',
  reveal: 'Aufdecken',
  revealLabel: (field) => `${field} aufdecken (wird protokolliert)`,
  revealFailed: 'Der Wert konnte nicht aufgedeckt werden.',
  changesHeading: 'Änderungen',
  changeField: 'Feld',
  changeBefore: 'Vorher',
  changeAfter: 'Nachher',
  changeKinds: { changed: 'Geändert', added: 'Hinzugefügt', removed: 'Entfernt', unchanged: 'Unverändert' },
  copyValue: (label) => `${label} kopieren`,
  timeLabels: {
    local: 'Ihre Zeit',
    utc: 'UTC',
    iso: 'ISO-8601',
    json: 'JSON-Datum',
    epoch: 'Epoche in Millisekunden',
    relative: 'Relativ',
  },
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen',
  copyJson: 'JSON kopieren',
  emptyValue: 'Nicht gesetzt',
  loadingEvent: 'Der vollständige Datensatz wird geladen…',
  integrityHeading: 'Integrität',
  integritySeq: 'Folgenummer',
  integrityHash: 'Hash (SHA-256)',
  integrityState: 'Zustand',
  integrityStateNames: { verified: 'Geprüft', altered: 'Verändert', unknown: 'Unbekannt', unchained: 'Nicht verkettet' },
  integrityStates: {
    verified: 'Unverändert seit der Aufzeichnung.',
    altered: 'Nach der Aufzeichnung geändert, verschoben oder falsch signiert.',
    unknown: 'Das Log ist vor diesem Ereignis gebrochen; über dieses Ereignis lässt sich nichts sagen.',
    unchained: 'Aufgezeichnet, bevor das Log Integrität führte.',
  },
  integrityChecking: 'Wird geprüft…',
  eventLoadError: 'Der vollständige Datensatz konnte nicht geladen werden.',
  eventNotLoaded: 'Dieses Ereignis ist nicht unter den geladenen Ergebnissen.',
  jsonShowMore: (remaining) => `Mehr anzeigen (noch ${remaining})`,
  textShowMore: (remaining) => `Mehr anzeigen (noch ${remaining} Zeichen)`,
  jsonSummary: (value, kind) =>
    kind === 'array' ? `[${count(value, String(value), 'Eintrag', 'Einträge')}]` : `{${count(value, String(value), 'Schlüssel', 'Schlüssel')}}`,
  download: 'CSV herunterladen',
  exportUnavailable: (reason) =>
    reason === 'empty' ? 'Nichts herunterzuladen: keine Ereignisse passen.' : 'Nichts herunterzuladen, solange die Ereignisse nicht geladen sind.',
  exportScopeLabel: 'Welche Zeilen',
  exportScopeAll: 'Alle Treffer',
  exportScopeLoaded: (_value, formatted) => `Nur geladene Zeilen (${formatted})`,
  exportProgress: (written, total) =>
    total === undefined ? `Export läuft… ${written} Ereignisse` : `Export läuft… ${written} von ${total} Ereignissen`,
  exportDone: (rows, formatted, fileName) => `${count(rows, formatted, 'Ereignis', 'Ereignisse')} nach ${fileName} heruntergeladen.`,
  exportDoneByServer: (fileName) => `${fileName} heruntergeladen, vom Server erstellt.`,
  exportTruncated: (cells) =>
    `${cells === 1 ? '1 Zelle war' : `${cells} Zellen waren`} länger als Excels Grenze von 32.767 Zeichen und wurde gekürzt, markiert mit „…[truncated]“.`,
  exportFailedCells: (cells) =>
    `${cells === 1 ? '1 Zelle konnte' : `${cells} Zellen konnten`} nicht wie in der Datenstruktur angegeben formatiert werden und ${cells === 1 ? 'enthält ihren Wert' : 'enthalten ihre Werte'} wie gespeichert.`,
  exportOutsideRange: (count, formatted) =>
    `${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} außerhalb des Zeitraums, vom Audit-Log-Dienst gesendet, ${count === 1 ? 'wurde' : 'wurden'} ausgelassen.`,
  exportMerged: (count, formatted) =>
    `Der Audit-Log-Dienst hat ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} auf einer späteren Seite erneut gesendet, genau gleich; jedes wurde einmal geschrieben.`,
  exportFailed: 'Der Export ist fehlgeschlagen.',
  exportNoFile: 'Es wurde keine Datei gespeichert.',
  exportCancelled: 'Export abgebrochen. Es wurde keine Datei gespeichert.',
  cancel: 'Abbrechen',
  rangeFormLabel: 'Zeitraum',
  rangePresetLabel: 'Zeitraum',
  rangeLabel: (from, to, zone) => `${from && to ? `${from} – ${to}` : from ? `Ab ${from}` : `Bis ${to ?? ''}`} (${zone})`,
  rangePresets: {
    all: 'Gesamter Zeitraum',
    'last-hour': 'Letzte Stunde',
    'last-24-hours': 'Letzte 24 Stunden',
    'last-7-days': 'Letzte 7 Tage',
    'last-30-days': 'Letzte 30 Tage',
    custom: 'Eigener Zeitraum',
  },
  from: 'Von',
  fromTime: 'Von (Uhrzeit)',
  to: 'Bis',
  toTime: 'Bis (Uhrzeit)',
  timeZoneLabel: 'Zeitzone',
  userTimeZone: (zone) => `Ihre Zeitzone (${zone})`,
  searchButton: 'Anwenden',
  timesIn: (zone) => `Zeiten in ${zone}`,
  change: 'Ändern',
  changeTimeZone: 'Zeitzone ändern',
  rangeProblems: {
    'invalid-from': 'Geben Sie als Von-Datum ein gültiges Kalenderdatum ein.',
    'invalid-to': 'Geben Sie als Bis-Datum ein gültiges Kalenderdatum ein.',
    'to-before-from': 'Das Bis-Datum liegt vor dem Von-Datum. Wählen Sie ein Bis-Datum am oder nach dem Von-Datum.',
  },
  rangeTooLong: (maxDays) => `Ein Zeitraum darf höchstens ${spanDe(maxDays)} umfassen. Wählen Sie ein späteres Von- oder ein früheres Bis-Datum.`,
  inputProblem: (problem) => {
    switch (problem.kind) {
      case 'field-without-key':
        return 'Ein Feld ohne Schlüssel wurde aus der Datenstruktur weggelassen.'
      case 'duplicate-field':
        return `Das Feld „${problem.key}“ ist doppelt definiert; das zweite wurde weggelassen.`
      case 'invalid-field-path':
        return `Das Feld „${problem.key}“ hat keinen gültigen Pfad (wie payload.plan) und keine Wertfunktion; es wurde weggelassen.`
      case 'unknown-sort':
        return `Nach „${problem.key}“ kann nicht sortiert werden; die Ereignisse sind stattdessen nach Zeit sortiert, neueste zuerst.`
      case 'unknown-filter':
        return `Der Filter auf „${problem.key}“ wurde entfernt: Nach keinem Feld kann so gefiltert werden.`
      case 'unsupported-exclude':
        return `Der „ist nicht“-Filter auf „${problem.key}“ wurde entfernt: Dieses Protokoll kann „ist nicht“ nicht anwenden.`
      case 'invalid-range':
        return 'Der Zeitraum war ungültig und wurde entfernt.'
      case 'range-too-long':
        return `Der Zeitraum war länger als ${spanDe(problem.maxDays)}; er beginnt jetzt ${spanDe(problem.maxDays)} vor seinem Ende.`
    }
  },
  textSearchLabel: 'Ereignisse durchsuchen',
  filtersLabel: 'Filter',
  filterMenu: 'Filter',
  filterField: 'Filterfeld',
  filterValue: 'Filterwert',
  addFilter: 'Filter hinzufügen',
  removeFilter: (label, value) => `Filter ${label}: ${value} entfernen`,
  filterOperator: 'Bedingung',
  filterIs: 'ist',
  filterIsNot: 'ist nicht',
  fieldValuesHeading: 'In dieser Suche',
  loadedValuesHeading: 'In geladenen Ereignissen',
  fieldValuesLoading: 'Werte werden geladen…',
  fieldValuesFailed: 'Die Werte dieser Suche konnten nicht geladen werden; diese stammen aus den geladenen Ereignissen.',
  fieldValuesPartial: 'Die häufigsten Werte; tippen Sie, um nach einem anderen zu filtern.',
  noFieldValues: 'Keine Werte vorzuschlagen; tippen Sie einen ein.',
  fieldValueOption: (value, count, formatted) => `${value}, ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`}`,
  clearFilters: 'Alle Filter entfernen',
  filterByValue: (label, value) => `Nach ${label}: ${value} filtern`,
  filterButton: 'Filtern',
  filterNeedsValue: 'Geben Sie einen Wert zum Filtern ein.',
  newEvents: (value, formatted, more) =>
    `${more ? `${formatted}+` : formatted} ${value === 1 && !more ? 'neues Ereignis' : 'neue Ereignisse'} — anzeigen`,
  integrityVerified: (through, value, formatted) => `Geprüft bis ${through} · ${count(value, formatted, 'Ereignis', 'Ereignisse')}`,
  integrityNothing: 'In diesem Zeitraum gibt es keine verketteten Ereignisse zu prüfen.',
  integrityAlarmTitle: 'Dieses Audit-Log wurde verändert',
  integrityAlarm: (reason, eventId, seq) => {
    const event = eventId === null ? `#${String(seq)}` : `„${eventId}“`
    switch (reason) {
      case 'content-changed':
        return `Ereignis ${event} wurde nach der Aufzeichnung geändert.`
      case 'event-missing':
        return eventId === null
          ? `Ereignisse ab #${String(seq)} wurden aus dem Log entfernt.`
          : `Das Ereignis vor ${event} (#${String(seq)}) wurde entfernt.`
      case 'order-changed':
        return `Ereignis ${event} wurde an eine andere Stelle im Log verschoben.`
      case 'checkpoint-signature':
        return `Der signierte Prüfpunkt bei Ereignis ${event} ist nicht echt.`
      case 'checkpoint-mismatch':
        return `Das Log wurde vor Ereignis ${event} neu geschrieben: es passt nicht mehr zu seinem signierten Prüfpunkt.`
    }
  },
  integrityOpenEvent: 'Ereignis öffnen',
  integrityFailed: 'Die Integrität dieses Logs konnte nicht geprüft werden.',
  settingsTitle: 'Datenstruktur',
  settingsToggle: 'Datenstruktur',
  shownInTable: 'In der Tabelle',
  includedInDownload: 'Im Download',
  hiddenFromViewers: 'Verborgen (sensibel)',
  hiddenByCode: 'Von der Anwendung verborgen: hier nicht sichtbar zu machen.',
  moveUp: (label) => `${label} nach oben`,
  moveDown: (label) => `${label} nach unten`,
  removeField: (label) => `${label} entfernen`,
  fieldMoved: (label, position, total) => `${label} ist jetzt an Position ${position} von ${total}.`,
  addFieldHeading: 'Feld hinzufügen',
  newFieldKey: 'Schlüssel oder Pfad',
  newFieldLabel: 'Bezeichnung',
  newFieldType: 'Typ',
  addField: '+ Feld hinzufügen',
  fieldAdded: (label) => `${label} als Spalte hinzugefügt.`,
  fieldTypes: {
    text: 'Text',
    datetime: 'Datum und Uhrzeit',
    severity: 'Schweregrad',
    status: 'Status',
    email: 'E-Mail',
    ip: 'IP-Adresse',
    number: 'Zahl',
    json: 'JSON',
  },
  newFieldProblems: {
    'empty-key': 'Geben Sie den Schlüssel oder Punkt-Pfad des Werts ein, z. B. payload.plan.',
    'invalid-path': 'Ein Pfad besteht aus Wörtern mit Punkten dazwischen, ohne Leerzeichen, z. B. payload.plan.',
    'duplicate-key': 'Ein Feld mit diesem Schlüssel gibt es schon.',
    'empty-label': 'Geben Sie eine Bezeichnung ein: Sie ist Spalten- und CSV-Überschrift.',
  },
  saveFields: 'Speichern',
  savingFields: 'Wird gespeichert…',
  savedFields: 'Gespeichert.',
  saveFieldsFailed: 'Die Datenstruktur konnte nicht gespeichert werden.',
  editsKept: 'Ihre Änderungen bleiben erhalten; versuchen Sie es erneut.',
  noPermission: 'Sie haben keine Berechtigung, Audit-Logs anzusehen.',
  notEnabled: 'Audit-Logs sind nicht aktiviert.',
  enable: 'Audit-Logs aktivieren',
}
