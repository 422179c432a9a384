// Small pieces of wording that several parts' messages share.

/** "10 years" or "90 days". */
export const span = (days: number): string => (days >= 730 ? `${String(Math.round(days / 365.25))} years` : `${String(days)} days`)

/** „10 Jahre“ oder „90 Tage“. */
export const germanSpan = (days: number): string => (days >= 730 ? `${String(Math.round(days / 365.25))} Jahre` : `${String(days)} Tage`)

/** „1 Ereignis“ oder „1.234 Ereignisse“ (`formatted` is `value` written for the locale). */
export const germanCount = (value: number, formatted: string, one: string, many: string): string =>
  value === 1 ? `1 ${one}` : `${formatted} ${many}`
