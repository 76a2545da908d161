// FNV-1a, the hash every feature is known by: feature strings are never built at run time, the
// hash of "prefix=value" is the prefix's hash continued over the value.
const FNV_BASIS = 0x811c9dc5;

/** FNV-1a over `s`, continuing from `h`. */
export function fnvCont(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

export function fnv1a(s: string): number {
  return fnvCont(FNV_BASIS, s) >>> 0;
}

/** The running hash of a prefix, to continue with fnvCont. */
export const prefix = (s: string): number => fnvCont(FNV_BASIS, s);

/** Hash of prefix + value, as fnv1a(`${prefix}${value}`) would give. */
export const feat = (pre: number, value: string): number => fnvCont(pre, value) >>> 0;

/** Hash of prefix + a + '|' + b. */
export const feat2 = (pre: number, a: string, b: string): number => fnvCont(fnvCont(fnvCont(pre, a), '|'), b) >>> 0;

/** FNV-1a over s[from, to), continuing from `h`: fnvCont(h, s.slice(from, to)) without the slice. */
export function fnvRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const BAR = '|'.charCodeAt(0);
/** fnvCont(h, '|'). */
export const fnvBar = (h: number): number => Math.imul(h ^ BAR, 0x01000193);
