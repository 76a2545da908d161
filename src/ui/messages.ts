import type { ReadableReason } from '../core/types.ts';
import { t } from './i18n.ts';

/**
 * Plain words for an error code from the protocol or the extractor. The English message that came
 * with the code is for the status tooltip and bug reports; users read these.
 */
export function errorMessage(code: string): string {
  switch (code) {
    case 'restricted':
      return t('errorRestricted');
    case 'no-access':
      return t('errorFileAccess');
    case 'not-html':
      return t('errorNotHtml');
    case 'too-large':
      return t('errorTooLarge');
    case 'too-complex':
      return t('errorTooComplex');
    case 'timeout':
      return t('errorTimeout');
    case 'no-tab':
      return t('errorNoTab');
    case 'quota':
      return t('errorQuota');
    case 'worker-gone':
      return t('errorWorkerGone');
    case 'navigated':
      return t('errorNavigated');
    case 'forbidden':
      return t('errorRefused');
    default:
      return t('errorFailed');
  }
}

export function notArticleMessage(reason: ReadableReason): string {
  switch (reason) {
    case 'too-short':
      return t('notArticleShort');
    case 'link-heavy':
      return t('notArticleLinks');
    default:
      return t('notArticle');
  }
}
