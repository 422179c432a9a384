import { useMemo } from 'react'

import type { FormatOptions } from '../../core/format'
import { dateTimeFormatter } from '../../core/time'

/** The time zone's short name ("UTC", "CET"): worked out when the zone or locale changes, not on every scroll's render. */
export function useZoneName({ locale, timeZone }: FormatOptions): string | undefined {
  return useMemo(
    () =>
      dateTimeFormatter(locale, timeZone, { timeZoneName: 'short' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value,
    [locale, timeZone],
  )
}
