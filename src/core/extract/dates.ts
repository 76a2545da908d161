// Dates from metadata and from dateline text, as ISO 8601. A value that is already ISO 8601 keeps
// its precision and offset (a date stays a date); other machine formats go through Date.parse; text
// such as "2021年01月27日", "27 January 2021" or "Nov 19, 2019" becomes YYYY-MM-DD.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const CJK_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const KO_DATE = /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/;
const NUMERIC_YMD = /\b(\d{4})[./-](\d{1,2})[./-](\d{1,2})\b/;
// Day first with dots is the European convention (19.11.2019); slashes are ambiguous and skipped.
const NUMERIC_DMY = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/;

// Month names in the languages the dev sets and users most often bring; data, not logic.
const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  'january|jan|januar|janvier|janv|enero|ene|janeiro|gennaio|gen|januari|styczeń|stycznia|января|январь|янв',
  'february|feb|februar|février|févr|fevrier|febrero|fevereiro|fev|febbraio|februari|luty|lutego|февраля|февраль|фев',
  'march|mar|märz|maerz|mars|marzo|março|marco|maart|marzec|marca|марта|март',
  'april|apr|avril|avr|abril|abr|aprile|kwiecień|kwietnia|апреля|апрель|апр',
  'may|mai|mayo|maio|maggio|mei|maj|maja|мая|май',
  'june|jun|juni|juin|junio|junho|giugno|giu|czerwiec|czerwca|июня|июнь|июн',
  'july|jul|juli|juillet|juil|julio|julho|luglio|lug|lipiec|lipca|июля|июль|июл',
  'august|aug|août|aout|agosto|ago|augustus|sierpień|sierpnia|августа|август|авг',
  'september|sep|sept|septembre|septiembre|setembro|set|settembre|wrzesień|września|сентября|сентябрь|сен',
  'october|oct|oktober|okt|octobre|octubre|outubro|out|ottobre|ott|październik|października|октября|октябрь|окт',
  'november|nov|novembre|noviembre|novembro|listopad|listopada|ноября|ноябрь|ноя',
  'december|dec|dezember|dez|décembre|déc|diciembre|dic|dezembro|dicembre|grudzień|grudnia|декабря|декабрь|дек',
];
MONTH_NAMES.forEach((names, i) => names.split('|').forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
// "27 January 2021", "27. Januar 2021", "27 de enero de 2021", "1er janvier 2021"
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:er|st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${MONTH_ALT})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'iu');
// "January 27, 2021", "Nov. 19, 2019"
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date written in running text (a dateline), or null. */
export function dateInText(raw: string): string | null {
  // Full-width digits ("２０１２年１月１７日") are digits.
  const text = /[\uFF10-\uFF19]/.test(raw) ? raw.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : raw;
  let m = CJK_DATE.exec(text) ?? KO_DATE.exec(text);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return isoDate(+m[3]!, MONTHS[m[2]!.toLowerCase()] ?? 0, +m[1]!);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return isoDate(+m[3]!, MONTHS[m[1]!.toLowerCase()] ?? 0, +m[2]!);
  m = NUMERIC_YMD.exec(text);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = NUMERIC_DMY.exec(text);
  if (m) return isoDate(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

/** A machine-readable date (meta, JSON-LD, <time datetime>) as ISO 8601, or null. */
export function toIso(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const iso = ISO.exec(v);
  if (iso) {
    const date = isoDate(+iso[1]!, +iso[2]!, +iso[3]!);
    if (!date || iso[4] === undefined) return date;
    const zone = iso[7] ? (iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${date}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone}`;
  }
  if (/^\d{10,13}$/.test(v)) {
    const ms = v.length === 13 ? +v : +v * 1000;
    return new Date(ms).toISOString();
  }
  const text = dateInText(v);
  if (text && !/\d{1,2}:\d{2}/.test(v)) return text;
  const t = Date.parse(v);
  if (!Number.isNaN(t)) {
    const y = new Date(t).getUTCFullYear();
    if (y >= 1990 && y <= 2100) return new Date(t).toISOString();
  }
  return text;
}
