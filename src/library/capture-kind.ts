import type { Clipping } from '../core/clipping.ts';
import { t } from '../ui/i18n.ts';

/**
 * Above a clipping in the reader: "Selection", or "Only the address is saved: <why>" for a
 * link-only clipping (an import or a link whose page could not be read; "Retry failed" in the
 * queue panel tries again). Text nodes only: the reason comes from the fetcher.
 */
export function showCaptureKind(reader: HTMLElement, c: Clipping): void {
  reader.querySelector('.capture-kind')?.remove();
  if (c.kind !== 'link' && c.kind !== 'selection') return;
  const note = document.createElement('p');
  note.className = 'capture-kind hint';
  note.dataset.testid = 'capture-kind';
  note.dataset.kind = c.kind;
  note.textContent = c.kind === 'link' ? t('clippingLinkOnlyWhy', c.linkReason ?? '') : t('clippingSelection');
  reader.prepend(note);
}
