import { t } from '../ui/i18n.ts';

// The status line in the bar (a live region) and the empty/error card that replaces the reader.

export type State = 'loading' | 'ready' | 'saved' | 'not-article' | 'error';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

export function setState(state: State, text: string, detail?: string): void {
  const status = $('[data-testid=status]');
  status.dataset.state = state;
  $('.status-text').textContent = text;
  status.title = detail ?? text;
}

export function currentState(): State {
  return $('[data-testid=status]').dataset.state as State;
}

export interface Notice {
  kind: 'not-article' | 'error';
  title: string;
  text: string;
  hint?: string;
  showAnyway?: boolean;
  retry?: boolean;
}

/** Replace the reader with a card that says what happened and what the user can do next. */
export function showNotice(n: Notice): void {
  $('.layout').hidden = true;
  const box = $('[data-testid=notice]');
  box.hidden = false;
  box.dataset.kind = n.kind;
  $('.notice-title').textContent = n.title;
  $('.notice-text').textContent = n.text;
  $('.notice-hint').textContent = n.hint ?? '';
  $('[data-testid=show-anyway]').hidden = !n.showAnyway;
  $('[data-testid=retry]').hidden = !n.retry;
}

export function hideNotice(): void {
  $('[data-testid=notice]').hidden = true;
  $('.layout').hidden = false;
}

/** What to suggest after an extraction error, by code. */
export function errorHint(code: string): { hint: string; retry: boolean } {
  switch (code) {
    case 'restricted':
      return { hint: t('hintRestricted'), retry: false };
    case 'no-access':
      return { hint: t('hintFileAccess'), retry: true };
    case 'no-tab':
      return { hint: t('hintNoTab'), retry: false };
    case 'too-large':
    case 'too-complex':
      return { hint: t('hintTooBig'), retry: false };
    default:
      return { hint: t('hintRetry'), retry: true };
  }
}
