/** The data-structure panel: switches, moves, new fields and saving; part of `AuditLogsMessages`. */
export interface SettingsMessages {
  settingsTitle: string
  shownInTable: string
  includedInDownload: string
  /** The switch that hides a field's values from people who may not reveal them. */
  hiddenFromViewers: string
  /** Why that switch cannot be turned off: the host's code marked the field. */
  hiddenByCode: string
  moveUp: (label: string) => string
  moveDown: (label: string) => string
  removeField: (label: string) => string
  fieldMoved: (label: string, position: number, total: number) => string
  addFieldHeading: string
  newFieldKey: string
  newFieldLabel: string
  newFieldType: string
  addField: string
  fieldAdded: (label: string) => string
  fieldTypes: Record<'text' | 'datetime' | 'severity' | 'status' | 'email' | 'ip' | 'number' | 'json', string>
  newFieldProblems: { 'empty-key': string; 'invalid-path': string; 'duplicate-key': string; 'empty-label': string }
  saveFields: string
  savingFields: string
  savedFields: string
  saveFieldsFailed: string
  editsKept: string
}

/** The default English strings. */
export const settingsMessages: SettingsMessages = {
  settingsTitle: 'Data structure',
  shownInTable: 'Shown in table',
  includedInDownload: 'Included in download',
  hiddenFromViewers: 'Hidden (sensitive)',
  hiddenByCode: 'Hidden by the application: it cannot be shown from here.',
  moveUp: (label) => `Move ${label} up`,
  moveDown: (label) => `Move ${label} down`,
  removeField: (label) => `Remove ${label}`,
  fieldMoved: (label, position, total) => `${label} moved to position ${position} of ${total}.`,
  addFieldHeading: 'Add a field',
  newFieldKey: 'Key or path',
  newFieldLabel: 'Label',
  newFieldType: 'Type',
  addField: '+ Add field',
  fieldAdded: (label) => `${label} added as a column.`,
  fieldTypes: {
    text: 'Text',
    datetime: 'Date and time',
    severity: 'Severity',
    status: 'Status',
    email: 'Email',
    ip: 'IP address',
    number: 'Number',
    json: 'JSON',
  },
  newFieldProblems: {
    'empty-key': 'Enter the key or dot path of the value, e.g. payload.plan.',
    'invalid-path': 'A path is words joined by dots, without spaces or empty parts, e.g. payload.plan.',
    'duplicate-key': 'A field with this key already exists.',
    'empty-label': 'Enter a label: it is the column header and the CSV header.',
  },
  saveFields: 'Save',
  savingFields: 'Saving…',
  savedFields: 'Saved.',
  saveFieldsFailed: 'The data structure could not be saved.',
  editsKept: 'Your changes are kept; try again.',
}

/** German strings. */
export const germanSettingsMessages: SettingsMessages = {
  settingsTitle: 'Datenstruktur',
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
}
