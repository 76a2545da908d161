import { send } from '../shared/messaging.ts';
import type { QueueStatus } from '../background/capture/queue-types.ts';
import { formatNumber, t } from './i18n.ts';

// "Imports and saves in progress": the background queue as the options page and the library
// show it. Counts are also data attributes (data-done, data-failed, data-waiting) for tests.
// Text nodes only; failure reasons come from the worker but are shown as text, never markup.

const BUSY_MS = 1000;
const IDLE_MS = 5000;

function node<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${formatNumber(Math.max(1, Math.round(seconds)))} s`;
  if (seconds < 5400) return `${formatNumber(Math.round(seconds / 60))} min`;
  return `${formatNumber(Math.round(seconds / 360) / 10)} h`;
}

export interface QueuePanel {
  root: HTMLElement;
  refresh(): Promise<QueueStatus | null>;
}

/** Build the panel (hidden while the queue has never held anything) and keep it current. */
export function mountQueuePanel(parent: HTMLElement): QueuePanel {
  const bar = node('progress', { max: 1, value: 0 });
  const counts = node('p', { className: 'queue-counts' });
  const extra = node('p', { className: 'hint queue-extra' });
  const button = (key: string, action: 'pause' | 'resume' | 'cancel' | 'retry-failed') => {
    const b = node('button', { type: 'button', textContent: t(key) });
    b.dataset.testid = `queue-${action}`;
    b.addEventListener('click', () => void control(action));
    return b;
  };
  const pause = button('queuePause', 'pause');
  const resume = button('queueResume', 'resume');
  const cancel = button('queueCancel', 'cancel');
  const retry = button('queueRetryFailed', 'retry-failed');
  const failures = node('ul', { className: 'queue-failures' });
  failures.dataset.testid = 'queue-failures';
  const details = node('details', {}, node('summary', { textContent: t('queueFailures') }), failures);
  const heading = node('h3', { textContent: t('queueHeading') });
  const root = node('section', { className: 'queue-panel' }, heading, bar, counts, extra, node('div', { className: 'row buttons' }, pause, resume, cancel, retry), details);
  root.dataset.testid = 'queue';
  root.setAttribute('role', 'status');
  root.setAttribute('aria-live', 'polite');
  root.hidden = true;
  parent.append(root);

  let timer: ReturnType<typeof setTimeout> | null = null;

  const show = (s: QueueStatus): void => {
    const total = s.done + s.failed + s.waiting + s.needsPermission;
    root.hidden = total + s.cancelled === 0;
    Object.assign(root.dataset, {
      done: String(s.done), failed: String(s.failed), waiting: String(s.waiting),
      needsPermission: String(s.needsPermission), alreadySaved: String(s.alreadySaved), paused: String(s.paused),
    });
    bar.max = Math.max(1, total);
    bar.value = s.done + s.failed;
    counts.textContent = t('queueCounts', [formatNumber(s.done), formatNumber(s.failed), formatNumber(s.waiting)]);
    const bits: string[] = [];
    if (s.paused) bits.push(t('queuePaused'));
    if (s.needsPermission) bits.push(t('queueNeedsPermission', formatNumber(s.needsPermission)));
    if (s.alreadySaved) bits.push(t('queueAlreadySaved', formatNumber(s.alreadySaved)));
    if (s.pagesPerSecond && s.waiting) bits.push(t('queueSpeed', [formatNumber(Math.round(s.pagesPerSecond * 60)), duration(s.etaSeconds ?? 0)]));
    if (!s.waiting && !s.needsPermission) bits.push(t('queueIdle'));
    extra.textContent = bits.join(' · ');
    pause.hidden = s.paused || !s.waiting;
    resume.hidden = !s.paused && !s.needsPermission;
    cancel.hidden = !s.waiting && !s.needsPermission;
    retry.hidden = !s.failed;
    failures.replaceChildren(...s.recentFailures.map((f) => node('li', {}, node('span', { className: 'queue-url', textContent: f.url }), ` ${f.reason}`)));
    details.hidden = !s.recentFailures.length;
  };

  const refresh = async (): Promise<QueueStatus | null> => {
    if (timer) clearTimeout(timer);
    let s: QueueStatus | null = null;
    try {
      s = await send('queue.status', {});
      show(s);
    } catch {
      // The worker is restarting: the next tick asks again.
    }
    timer = setTimeout(() => void refresh(), s && (s.waiting > 0) && !document.hidden ? BUSY_MS : IDLE_MS);
    return s;
  };

  async function control(action: 'pause' | 'resume' | 'cancel' | 'retry-failed'): Promise<void> {
    show(await send('queue.control', { action }));
    void refresh();
  }

  void refresh();
  return { root, refresh };
}

/** The library's place for it: a strip under the page header, shown only while there is a queue. */
export function mountQueuePanelAfter(anchor: HTMLElement): QueuePanel {
  const host = document.createElement('div');
  host.className = 'queue-host';
  anchor.after(host);
  return mountQueuePanel(host);
}
