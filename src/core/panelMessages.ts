/** The strings of the drawer's header and the data-structure panel's table; part of `AuditLogsMessages`. */
export interface PanelMessages {
  /** Said under a change's JSON tree, which starts closed: its before and after are in the table above it. */
  jsonRepeatsChanges: string
  /** The panel's column headers, said once above the rows (each switch names its field too). */
  settingsFieldColumn: string
  settingsShownColumn: string
  settingsExportedColumn: string
  settingsHiddenColumn: string
  /** A field's drag handle, which also moves it with the arrow keys. */
  reorderField: (label: string) => string
  /** How the handle moves a field, said with it. */
  reorderHint: string
  /** "2 unsaved changes" beside Save. */
  unsavedChanges: (count: number) => string
  cancelEdits: string
  /** Asked before edits are thrown away on closing the panel. */
  discardQuestion: (count: number) => string
  discardEdits: string
  keepEditing: string
}

/** The default English strings. */
export const panelMessages: PanelMessages = {
  jsonRepeatsChanges: 'The full JSON; its before and after are in the table above.',
  settingsFieldColumn: 'Field',
  settingsShownColumn: 'Table',
  settingsExportedColumn: 'CSV',
  settingsHiddenColumn: 'Hidden',
  reorderField: (label) => `Reorder ${label}`,
  reorderHint: 'Drag, or press the up or down arrow key, to move the field.',
  unsavedChanges: (count) => (count === 1 ? '1 unsaved change' : `${String(count)} unsaved changes`),
  cancelEdits: 'Cancel',
  discardQuestion: (count) => (count === 1 ? 'Discard 1 unsaved change?' : `Discard ${String(count)} unsaved changes?`),
  discardEdits: 'Discard',
  keepEditing: 'Keep editing',
}

/** German strings. */
export const germanPanelMessages: PanelMessages = {
  jsonRepeatsChanges: 'Das vollständige JSON; Vorher und Nachher stehen in der Tabelle darüber.',
  settingsFieldColumn: 'Feld',
  settingsShownColumn: 'Tabelle',
  settingsExportedColumn: 'CSV',
  settingsHiddenColumn: 'Verborgen',
  reorderField: (label) => `${label} verschieben`,
  reorderHint: 'Ziehen oder mit den Pfeiltasten nach oben oder unten verschieben.',
  unsavedChanges: (count) => (count === 1 ? '1 ungespeicherte Änderung' : `${String(count)} ungespeicherte Änderungen`),
  cancelEdits: 'Abbrechen',
  discardQuestion: (count) => (count === 1 ? '1 ungespeicherte Änderung verwerfen?' : `${String(count)} ungespeicherte Änderungen verwerfen?`),
  discardEdits: 'Verwerfen',
  keepEditing: 'Weiter bearbeiten',
}
