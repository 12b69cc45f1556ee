/**
 * The shape of a translation table: the same keys as the Swedish default, every text a
 * string. `typeof sv` alone would demand the Swedish literals where a table is `as const`.
 */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
