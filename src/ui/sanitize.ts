import DOMPurify from 'dompurify';

// The only way page HTML reaches an extension page. Applied at render time, every time, so a
// DOMPurify upgrade also protects clippings stored earlier (../shared/SECURITY.md).

const purify = DOMPurify(window);

const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'option',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'svg', 'math', 'template', 'slot', 'dialog', 'video', 'audio', 'source', 'track', 'picture',
  'noscript', 'canvas', 'map', 'area',
];
const FORBID_ATTR = [
  'style', 'srcset', 'sizes', 'action', 'formaction', 'background', 'poster', 'ping', 'lowsrc',
  'dynsrc', 'longdesc', 'usemap', 'xlink:href', 'xmlns', 'id', 'name', 'class', 'target', 'loading',
  'decoding', 'fetchpriority', 'integrity', 'crossorigin', 'referrerpolicy', 'is', 'tabindex',
  'contenteditable', 'draggable', 'autofocus', 'popover', 'nonce',
];
// Only absolute http(s) links and in-page fragments: relative URLs would resolve inside the extension.
const ALLOWED_URI = /^(?:https?:\/\/|#)/i;

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    if ((node.getAttribute('href') ?? '').startsWith('#')) node.removeAttribute('href');
    else if (node.hasAttribute('href')) node.setAttribute('target', '_blank');
  }
  if (node.nodeName === 'IMG') {
    node.setAttribute('loading', 'lazy');
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
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
} as const;

/** Untrusted article HTML -> an inert fragment safe to insert into an extension page. */
export function sanitizeArticleHtml(html: string): DocumentFragment {
  return purify.sanitize(html, CONFIG) as unknown as DocumentFragment;
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
