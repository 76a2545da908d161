import browser from 'webextension-polyfill';

/** A UI string from _locales; the key itself when missing, so a gap is visible, not blank. */
export function t(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

export function uiLang(): string {
  return browser.i18n.getUILanguage();
}

/**
 * Fill every [data-i18n] element's text and [data-i18n-ATTR] attribute from _locales, and set the
 * document's language and direction to the UI's.
 */
export function localize(root: ParentNode = document): void {
  document.documentElement.lang = uiLang();
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    el.textContent = t(el.dataset.i18n!);
  }
  for (const attr of ['title', 'placeholder', 'aria-label', 'alt']) {
    const dataKey = `i18n${attr.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`))) {
      el.setAttribute(attr, t(el.dataset[dataKey]!));
    }
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date in the UI language; ISO date-only strings stay on their calendar day. */
export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const key = `${uiLang()}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(uiLang(), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', ...(iso.length <= 10 ? { timeZone: 'UTC' } : {}) });
    dateFormats.set(key, f);
  }
  return f.format(d);
}

// Intl formatters are costly to build (a few ms each on a slow machine) and a page formats
// hundreds of numbers: one per language, made on first use.
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function formatNumber(n: number): string {
  const lang = uiLang();
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

/** The CLDR plural category of `n` in the UI language ('one', 'other', ...). */
export function pluralCategory(n: number): Intl.LDMLPluralRule {
  const lang = uiLang();
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}
