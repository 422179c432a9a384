import { userEvent } from 'vitest/browser'

/** Presses Tab until `matches` holds for the focused element (at most `limit` times), as a keyboard user would. */
export async function tabUntil(matches: (element: Element | null) => boolean, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit && !matches(document.activeElement); presses += 1) {
    await userEvent.keyboard('{Tab}')
  }
  if (!matches(document.activeElement)) throw new Error(`Tab never reached the element (${limit} presses)`)
}
