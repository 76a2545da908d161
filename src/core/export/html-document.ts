import type { Clipping } from '../clipping.ts';
import { ENTITY_TYPES } from '../types.ts';

// A clipping as one standalone HTML file: readable offline in any browser, no script, no
// remote style. `bodyHtml` must already be sanitised (the pages run DOMPurify and serialise the
// result); the file's own CSP forbids scripts anyway, in case it is opened from disk.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const CSS = `body{margin:0;background:#fbfbf8;color:#1d1d1b;font:18px/1.65 Georgia,"Noto Serif","Noto Serif CJK SC","Source Han Serif",serif}
main{max-width:42rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.25;margin:.2em 0 .4em}
.meta{color:#5d5d58;font:14px/1.5 system-ui,sans-serif;margin-bottom:2rem}
.meta a{color:inherit}
img{max-width:100%;height:auto}
figure{margin:1.5rem 0}figcaption{color:#5d5d58;font-size:.85em}
pre{overflow:auto;background:#f0efe9;padding:.8rem;font-size:.85em}
table{border-collapse:collapse}td,th{border:1px solid #d6d5cf;padding:.3em .6em}
blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:3px solid #d6d5cf;color:#45453f}
.entities,.note{font:14px/1.5 system-ui,sans-serif;border-top:1px solid #d6d5cf;margin-top:2.5rem;padding-top:1rem}
.entities dt{font-weight:600;margin-top:.4rem}.entities dd{margin:0}
mark{background:#fff0a0;color:inherit}mark[data-annotation-color=green]{background:#c8f0c0}mark[data-annotation-color=blue]{background:#cfe4ff}mark[data-annotation-color=pink]{background:#ffd3e4}mark[data-annotation-color=purple]{background:#e4d8ff}
.highlights{font:14px/1.5 system-ui,sans-serif;border-top:1px solid #d6d5cf;margin-top:2.5rem;padding-top:1rem}.highlights blockquote{margin:.6rem 0 .2rem}.hl-meta{color:#5d5d58;margin:0}.hl-note{margin:.2rem 0 0}
@media (prefers-color-scheme:dark){body{background:#1b1b1a;color:#e6e5df}.meta,figcaption,.hl-meta{color:#a9a8a1}pre{background:#262624}mark{background:#5a4a00}mark[data-annotation-color=green]{background:#1f4a27}mark[data-annotation-color=blue]{background:#1b3b61}mark[data-annotation-color=pink]{background:#5a2340}mark[data-annotation-color=purple]{background:#3d2c66}}`;

export interface HtmlLabels {
  /** Headings for the entity types, e.g. { person: 'People', ... }. */
  types: Record<(typeof ENTITY_TYPES)[number], string>;
  note: string;
  saved: string;
}

export const ENGLISH_LABELS: HtmlLabels = {
  types: { person: 'People', place: 'Places', organization: 'Organizations', topic: 'Topics' },
  note: 'Note',
  saved: 'Saved',
};

function httpUrl(u: string | null | undefined): string | null {
  return u && /^https?:\/\//i.test(u) ? u : null;
}

/** `highlightsHtml`: the list of highlights (highlights-section.ts), already escaped. */
export function clippingHtmlDocument(c: Clipping, bodyHtml: string, labels: HtmlLabels = ENGLISH_LABELS, highlightsHtml = ''): string {
  const lang = c.lang ? ` lang="${escapeHtml(c.lang)}"` : '';
  const link = httpUrl(c.canonicalUrl) ?? httpUrl(c.url);
  const meta: string[] = [];
  const site = c.siteName ?? (link ? new URL(link).hostname : '');
  if (site) meta.push(link ? `<a href="${escapeHtml(link)}" rel="noopener noreferrer">${escapeHtml(site)}</a>` : escapeHtml(site));
  if (c.byline) meta.push(escapeHtml(c.byline));
  if (c.publishedTime) meta.push(`<time datetime="${escapeHtml(c.publishedTime)}">${escapeHtml(c.publishedTime.slice(0, 10))}</time>`);
  meta.push(`${escapeHtml(labels.saved)} <time datetime="${escapeHtml(c.savedAt)}">${escapeHtml(c.savedAt.slice(0, 10))}</time>`);
  if (c.tags.length) meta.push(c.tags.map((t) => `#${escapeHtml(t)}`).join(' '));
  const lead = httpUrl(c.leadImage?.src);
  const leadHtml = lead && !bodyHtml.includes(lead)
    ? `<figure><img src="${escapeHtml(lead)}" alt="${escapeHtml(c.leadImage?.alt ?? '')}">${c.leadImage?.caption ? `<figcaption>${escapeHtml(c.leadImage.caption)}</figcaption>` : ''}</figure>`
    : '';
  const groups = ENTITY_TYPES.map((t) => [t, c.entities.filter((e) => e.type === t)] as const).filter(([, list]) => list.length);
  const entities = groups.length
    ? `<dl class="entities">${groups.map(([t, list]) => `<dt>${escapeHtml(labels.types[t])}</dt><dd>${list.map((e) => escapeHtml(e.name)).join(' · ')}</dd>`).join('')}</dl>`
    : '';
  const note = c.note ? `<section class="note"><strong>${escapeHtml(labels.note)}</strong><p>${escapeHtml(c.note).replace(/\n/g, '<br>')}</p></section>` : '';
  return `<!doctype html>
<html${lang} dir="${c.dir === 'rtl' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.title)}</title>
${link ? `<link rel="canonical" href="${escapeHtml(link)}">\n` : ''}<meta name="generator" content="Sift">
<style>${CSS}</style>
</head>
<body>
<main>
<article>
${leadHtml}<h1>${escapeHtml(c.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${bodyHtml}
</article>
${entities}${note}${highlightsHtml}
</main>
</body>
</html>
`;
}
