import { pageTagList } from '../ui/entity-panel.ts';
import { t } from '../ui/i18n.ts';

/**
 * "Tags on the page" for a saved clipping: the page's own declared topics (keywords meta, the
 * article's tag links, JSON-LD keywords) that were not names in the article when it was saved
 * (Article.pageTags). Shown apart from the reader's own tags and from the names: plain text nodes,
 * no count, nothing highlighted. Hidden when the clipping has none (older clippings, plain pages).
 */
export function renderPageTags(host: HTMLElement, tags: readonly unknown[] | undefined): void {
  host.replaceChildren();
  const list = (tags ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  host.hidden = list.length === 0;
  if (host.hidden) return;
  const [h, ul] = pageTagList('library-page-tags-heading', list);
  h.title = t('libraryPageTagsHint');
  host.append(h, ul);
}
