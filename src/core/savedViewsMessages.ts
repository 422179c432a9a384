/** The strings of the saved views panel; part of `AuditLogsMessages`, loaded with the panel. */
export interface SavedViewsMessages {
  /** The saved views button in the command bar. */
  viewsToggle: string
  viewsTitle: string
  viewsEmpty: string
  viewsLoading: string
  viewsFailed: string
  /** The name input of "Save the current search". */
  viewName: string
  saveView: string
  /** The choice, for those who may configure, to let everyone in the account use the view. */
  shareView: string
  sharedView: string
  defaultView: string
  renameView: (name: string) => string
  deleteView: (name: string) => string
  makeDefaultView: (name: string) => string
  /** The visible words of the rename and default buttons (their names say which view). */
  rename: string
  makeDefault: string
  viewSaveFailed: string
}

/** The default English strings of the saved views panel. */
export const savedViewsMessages: SavedViewsMessages = {
  viewsToggle: 'Views',
  viewsTitle: 'Saved views',
  viewsEmpty: 'No saved views yet. Save the current search to come back to it.',
  viewsLoading: 'Loading views…',
  viewsFailed: 'The saved views could not be loaded.',
  viewName: 'Name of the current search',
  saveView: 'Save view',
  shareView: 'Share with everyone in this account',
  sharedView: 'Shared',
  defaultView: 'Default',
  renameView: (name) => `Rename ${name}`,
  deleteView: (name) => `Delete ${name}`,
  makeDefaultView: (name) => `Make default: ${name}`,
  rename: 'Rename',
  makeDefault: 'Make default',
  viewSaveFailed: 'The view could not be saved. Try again.',
}

/** German strings of the saved views panel. */
export const germanSavedViewsMessages: SavedViewsMessages = {
  viewsToggle: 'Ansichten',
  viewsTitle: 'Gespeicherte Ansichten',
  viewsEmpty: 'Noch keine gespeicherten Ansichten. Speichern Sie die aktuelle Suche, um zu ihr zurückzukehren.',
  viewsLoading: 'Ansichten werden geladen…',
  viewsFailed: 'Die gespeicherten Ansichten konnten nicht geladen werden.',
  viewName: 'Name der aktuellen Suche',
  saveView: 'Ansicht speichern',
  shareView: 'Mit allen in diesem Konto teilen',
  sharedView: 'Geteilt',
  defaultView: 'Standard',
  renameView: (name) => `${name} umbenennen`,
  deleteView: (name) => `${name} löschen`,
  makeDefaultView: (name) => `Als Standard: ${name}`,
  rename: 'Umbenennen',
  makeDefault: 'Als Standard',
  viewSaveFailed: 'Die Ansicht konnte nicht gespeichert werden. Bitte erneut versuchen.',
}
