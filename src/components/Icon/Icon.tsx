/*
 * The drawer's icons: inline SVG drawn by React (no markup from an event ever becomes SVG), hidden from
 * assistive technology: the button around each carries the name. `.ral-icon` marks them for the tests that
 * check that no event value became an element.
 */
const paths = {
  copy: 'M5.5 5.5V3.25c0-.69.56-1.25 1.25-1.25h6c.69 0 1.25.56 1.25 1.25v6c0 .69-.56 1.25-1.25 1.25H10.5M3.25 5.5h6c.69 0 1.25.56 1.25 1.25v6c0 .69-.56 1.25-1.25 1.25h-6C2.56 14 2 13.44 2 12.75v-6c0-.69.56-1.25 1.25-1.25Z',
  check: 'M3 8.5l3.25 3.25L13 5',
  filter: 'M2.5 3.5h11l-4.25 5v4.25l-2.5 1.25V8.5Z',
  close: 'M4 4l8 8M12 4l-8 8',
  up: 'M4 10l4-4 4 4',
  down: 'M4 6l4 4 4-4',
  alert: 'M8 5v3.5M8 11h.01M2 13.5h12L8 2.5Z',
} as const

export type IconName = keyof typeof paths

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="ral-icon" data-ral-icon={name} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
