/** The parts of the File System Access API used here (not yet in TypeScript's DOM types). */
interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string
    types: Array<{ description: string; accept: Record<string, string[]> }>
  }) => Promise<FileSystemFileHandle>
}

/** Whether the browser can write a file chunk by chunk (File System Access API). */
export function canSaveToFileSystem(): boolean {
  return typeof window !== 'undefined' && typeof (window as SaveFilePickerWindow).showSaveFilePicker === 'function'
}

/**
 * Asks where to save. Call it straight from a click, before any `await`: the picker needs the user's
 * gesture. Rejects with an `AbortError` when the person closes the dialog.
 */
export function pickSaveFile(fileName: string): Promise<FileSystemFileHandle> {
  const picker = (window as SaveFilePickerWindow).showSaveFilePicker
  if (!picker) return Promise.reject(new Error('This browser cannot save files directly.'))
  return picker({ suggestedName: fileName, types: [{ description: 'CSV', accept: { 'text/csv': ['.csv'] } }] })
}
