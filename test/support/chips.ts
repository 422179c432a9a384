/**
 * Finds a filter chip by what it says ("Severity: High", "Result is not success"): its label and its value,
 * which sits in a `<bdi>` of its own (so an address or an id reads left to right in a right-to-left page).
 */
export const chipText =
  (text: string) =>
  (_content: string, element: Element | null): boolean =>
    element?.parentElement?.classList.contains('ral-chip') === true && element.textContent === text
