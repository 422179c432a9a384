// The paths `getPath` reads (see `parsePath`), as types: `a.b`, `list[0]`, `map["k8s.io/x"]`, and on from there.

/** Levels a path type goes down; deeper paths are still read at run time, only not typed. */
type Depth = [never, 0, 1, 2, 3, 4, 5]

/** Whether a key can be written after a dot: no dot, space, bracket or quote (else it needs `["…"]`). */
type IsName<K extends string> = string extends K ? false : K extends `${string}${'.' | ' ' | '[' | ']' | '"' | "'"}${string}` | '' ? false : true

/** One step onto a key: `.name`, or `["key"]` for a key a dot cannot carry; any key of a string-keyed map. */
type Step<K extends string> = string extends K ? `.${string}` | `["${string}"]` : IsName<K> extends true ? `.${K}` | `["${K}"]` : `["${K}"]`

/** The paths inside a value, each starting with a step (`.x`, `[0]`, `["x"]`). */
type Inner<T, D extends number> = [D] extends [never]
  ? never
  : T extends readonly (infer Item)[]
    ? `[${number}]` | `[${number}]${Inner<NonNullable<Item>, Depth[D]>}`
    : T extends object
      ? { [K in keyof T & string]: Step<K> | `${Step<K>}${Inner<NonNullable<T[K]>, Depth[D]>}` }[keyof T & string]
      : never

/**
 * Every path of an event type the viewer reads: a top-level name, then `.name`, `[index]` or `["key"]` steps
 * (`annotations["authorization.k8s.io/decision"]`, `sourceIPs[0]`, `items[0].name`), five levels deep.
 */
export type EventPath<T> = {
  [K in keyof T & string]: IsName<K> extends true ? K | `${K}${Inner<NonNullable<T[K]>, 5>}` : never
}[keyof T & string]
