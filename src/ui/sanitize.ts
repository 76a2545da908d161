import DOMPurify from 'dompurify';

// The only way page HTML reaches an extension page. Applied at render time, every time, so a
// DOMPurify upgrade also protects clippings stored earlier (../shared/SECURITY.md). The result is
// a DOM fragment, never a string: nothing re-parses it, so mutation-XSS through serialisation
// cannot apply, and highlights are added to it as DOM nodes afterwards.
//
// What may fetch from an extension page: an article's <img src> (http(s) or data:), because
// images are content; with no referrer, lazily, and never 1-2 px pixels. Nothing else: no
// srcset/sizes/picture/source, no style (attribute, element or url()), no link/meta/base, no
// iframe/frame/object/embed, no media (video/audio/poster/track), no background, ping, action,
// formaction, download, longdesc, lowsrc, dynsrc, usemap, attributionsrc. The extension pages'
// CSP (manifest.json) stops the same things a second time.

const purify = DOMPurify(window);

export const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'param',
  'svg', 'math', 'template', 'slot', 'dialog', 'video', 'audio', 'source', 'track', 'picture',
  'noscript', 'noembed', 'noframes', 'canvas', 'map', 'area', 'marquee', 'xmp', 'plaintext',
];
export const FORBID_ATTR = [
  'style', 'srcset', 'sizes', 'action', 'formaction', 'formtarget', 'background', 'poster', 'ping',
  'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'xlink:href', 'xmlns', 'download', 'srcdoc', 'data',
  'codebase', 'archive', 'manifest', 'attributionsrc', 'http-equiv', 'id', 'name', 'class', 'target',
  'loading', 'decoding', 'fetchpriority', 'integrity', 'crossorigin', 'referrerpolicy', 'is',
  'tabindex', 'contenteditable', 'draggable', 'autofocus', 'popover', 'popovertarget', 'nonce',
];
/**
 * DOMPurify tests every attribute value that is not plain text (alt, title...) against this, so
 * it must let ordinary values through ("rtl", "en", "100", "2024-05-01"): anything that does not
 * start with a scheme, plus http(s). Which URLs a link or an image may have is decided by the
 * hook below: absolute http(s) only (DOMPurify strips whitespace and control characters before
 * testing, so " jav&#x09;ascript:" never gets that far).
 */
export const ALLOWED_URI = /^(?:https?:\/\/|#|(?![a-z][a-z\d+.\-]*:))/i;
/** Attributes that hold a URL; relative URLs would resolve inside the extension. */
const URL_ATTRS = new Set(['href', 'src', 'cite']);
const HTTP = /^https?:\/\//i;
/** Images may also be inline (data:image/...): they fetch nothing. */
const DATA_IMAGE = /^data:image\//i;
/** DOMPurify's ATTR_WHITESPACE: what a browser ignores in a URL (control characters included). */
const URL_NOISE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
/** Tracking pixels: also dropped by extraction, and again here for clippings from elsewhere. */
const PIXEL_MAX = 2;

function tiny(img: Element): boolean {
  const w = Number.parseInt(img.getAttribute('width') ?? '', 10);
  const h = Number.parseInt(img.getAttribute('height') ?? '', 10);
  return (!Number.isNaN(w) && w <= PIXEL_MAX) || (!Number.isNaN(h) && h <= PIXEL_MAX);
}

purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (!URL_ATTRS.has(data.attrName)) return;
  const url = data.attrValue.replace(URL_NOISE, '');
  const ok = HTTP.test(url) || (data.attrName === 'src' && node.nodeName === 'IMG' && DATA_IMAGE.test(url)) ||
    (data.attrName === 'href' && url.startsWith('#'));
  if (!ok) data.keepAttr = false;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    // Element ids are removed, so a fragment link leads nowhere: drop it rather than navigate.
    if ((node.getAttribute('href') ?? '').trimStart().startsWith('#')) node.removeAttribute('href');
    else if (node.hasAttribute('href')) node.setAttribute('target', '_blank');
  }
  if (node.nodeName === 'IMG') {
    if (tiny(node)) {
      node.removeAttribute('src');
      node.setAttribute('alt', '');
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_XML: true,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
} as const;

/**
 * Chromium starts loading a `<track default>` while DOMPurify's inert parse builds it, before any
 * hook can drop it (found by e2e/security: the extension CSP's media-src 'none' blocked it). The
 * tag is renamed before parsing, so the parser makes an unknown element that fetches nothing and
 * that DOMPurify then removes. Text never holds a raw "<track" (it would be a tag), so only markup
 * is touched.
 */
const TRACK_TAG = /<(\/?)track(?=[\s/>])/gi;

/** Untrusted article HTML -> an inert fragment safe to insert into an extension page. */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  return purify.sanitize(html.replace(TRACK_TAG, '<$1sift-dropped-track'), CONFIG) as unknown as DocumentFragment;
}

/** Whether a URL may be used as an image or link target in an extension page. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
