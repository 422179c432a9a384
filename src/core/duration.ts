const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
] as const

/** A length of time in its largest whole unit, in the viewer's language ("3 hours", „3 Stunden“). */
export function formatDuration(ms: number, locale: string | undefined): string {
  const magnitude = Math.abs(ms)
  const [unit, size] = UNITS.find(([, length]) => magnitude >= length) ?? (['second', 1000] as const)
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.floor(magnitude / size))
}
