// The ASCII codes that reading JSON and COPY's text format byte by byte looks for.
export const TAB = 9
export const LF = 10
export const CR = 13
export const SPACE = 32
export const QUOTE = 34
export const COMMA = 44
export const MINUS = 45
export const LETTER_N = 78
export const BRACKET = 91
export const BACKSLASH = 92
export const BRACKET_END = 93
export const BRACE = 123
export const BRACE_END = 125
