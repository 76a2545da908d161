// Structural vocabularies for boilerplate: class / id tokens and ARIA roles that name page
// furniture. Generic words only, never site names; extend here (data), not in the code.

/**
 * class/id tokens of blocks that are never the article: sharing, promotion, comments, dialogs.
 * Layout words (sidebar, menu, footer...) are listed apart: themes put them on the wrappers of
 * whole pages too, so those are only removed when they do not hold the article.
 */
export const JUNK_TOKENS = new Set([
  'share', 'shares', 'sharing', 'sharer', 'sharebar', 'sharetools', 'sharedaddy', 'addthis', 'social', 'socials',
  'socialshare', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'sign-up', 'registration',
  'related', 'relatedposts', 'recommended', 'recommendation', 'recommendations', 'promo', 'promos', 'promotion',
  'advert', 'adverts', 'advertisement', 'advertising', 'ad', 'ads', 'adslot', 'adunit', 'dfp', 'sponsor',
  'sponsored', 'sponsors', 'cookie', 'cookies', 'consent', 'gdpr', 'popup', 'modal', 'overlay', 'outbrain',
  'taboola', 'trending', 'popular', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'comment', 'comments',
  'commentlist', 'disqus', 'respond', 'replies', 'skip', 'tags', 'taglist', 'tagcloud',
]);

export const LAYOUT_TOKENS = new Set([
  'sidebar', 'nav', 'navbar', 'navigation', 'menu', 'submenu', 'footer', 'masthead', 'topbar', 'toolbar', 'banner',
  'rail',
]);

/** class/id phrases spanning several tokens. */
export const JUNK_PHRASES =
  /(?:^|[\s_-])(?:more[-_]?(?:stories|articles|news|from|like[-_]?this)|read[-_]?(?:next|also)|you[-_]?may[-_]?(?:also[-_]?)?like|most[-_]?(?:popular|read|viewed)|also[-_]?read|author[-_]?(?:bio|box|info|card)|about[-_]?(?:the[-_]?)?author|further[-_]?reading|post[-_]?navigation|site[-_]?(?:header|footer|nav)|(?:page|global|top|main)[-_]?(?:header|nav|navigation))(?:$|[\s_-])/i;

/** Text that only screen readers get ("Image caption", "Opens in a new window"). */
export const SCREEN_READER = /(?:^|\s)(?:sr-only|visually-?hidden|screen-?reader(?:-text|-only)?|off-?screen|a11y-hidden|element-invisible|hidden-visually)(?:$|\s)/i;

/** Marks of a byline / author element, whose text is kept for metadata. */
export const BYLINE = /(?:^|[\s_-])(?:byline|by-line|author|authors|writtenby|dateline|p-author)(?:$|[\s_-])/i;

/** Captions and credits of pictures. */
export const CAPTION = /[Cc]aption|CAPTION|(?:^|[\s_-])(?:credits?|legend)(?:$|[\s_-])|[a-z]Credits?(?![a-z])/;

/** Split class and id into lowercase tokens: "article-share_bar x" -> article, share, bar, x. */
function hasToken(value: string, set: Set<string>): boolean {
  for (const t of value.split(/\s+/)) {
    if (set.has(t)) return true;
    for (const part of t.split(/[_-]+/)) if (set.has(part)) return true;
  }
  return false;
}

export function hasJunkToken(value: string): boolean {
  if (!value) return false;
  const lower = value.toLowerCase();
  return hasToken(lower, JUNK_TOKENS) || hasToken(lower, LAYOUT_TOKENS) || JUNK_PHRASES.test(lower);
}

/**
 * What the class / id of an element says it is: 'semantic' furniture (share bar, dialog,
 * comments: removed), 'layout' furniture (sidebar, header: removed unless it holds the
 * article), or null.
 */
export function junkKind(value: string): 'semantic' | 'layout' | null {
  if (!value.trim()) return null;
  const lower = value.toLowerCase();
  if (hasToken(lower, JUNK_TOKENS) || JUNK_PHRASES.test(lower) || READABILITY_SEMANTIC.test(lower)) return 'semantic';
  if (hasToken(lower, LAYOUT_TOKENS)) return 'layout';
  if (READABILITY_UNLIKELY.test(lower) && !READABILITY_MAYBE.test(lower)) return 'layout';
  return null;
}

// Readability's own "unlikely candidate" test (Readability.js 0.6.0, REGEXPS.unlikelyCandidates
// and okMaybeItsACandidate). Its first pass deletes every match, the article's wrapper included
// when a theme names it "penci_sidebar" or "has-comments"; it then re-parses the whole page
// with the rule off. Pre-clean applies the same test with a size guard and strips the
// misleading words from wrappers that hold the article, so the first pass is the right one.
export const READABILITY_UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
export const READABILITY_MAYBE = /and|article|body|column|content|main|shadow/i;
// The part of that test that names what a block is rather than where it sits.
const READABILITY_SEMANTIC = /-ad-|comment|disqus|related|social|sponsor|shoutbox|popup|gdpr|agegate|ad-break|replies|remark/i;

/** Class / id value without the tokens that would make Readability drop the element. */
export function neutralMarks(value: string): string {
  return value
    .split(/\s+/)
    .filter((t) => t && !READABILITY_UNLIKELY.test(t) && !hasJunkToken(t))
    .join(' ');
}
