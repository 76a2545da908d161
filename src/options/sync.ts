import browser from 'webextension-polyfill';
import { checkServerUrl, configProblems, perUserDatabase, validateSyncConfig, type SyncConfig } from '../core/sync/settings.ts';
import { send } from '../shared/messaging.ts';
import { formatDate, formatNumber, t } from '../ui/i18n.ts';
import { CONFIG_KEY, OFF_STATUS, STATUS_KEY, type SyncStatus } from '../background/sync/status.ts';

// Options -> Sync: the server, the database, the user, on/off, "Test connection", "Sync now"
// and what the last run did. The page never talks to the server itself (its CSP forbids it):
// the service worker does, with the host permission asked for here, on the user's click.

const key = (code: string) => code.replace(/-/g, '_');

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('data-')) el.setAttribute(k, v);
    else el.setAttribute(k, v);
  }
  el.append(...kids);
  return el;
}

function field(id: string, label: string, type: string, testid: string, extra: Record<string, string> = {}): { row: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { id, type, 'data-testid': testid, autocomplete: 'off', spellcheck: 'false', ...extra });
  const row = h('div', { class: 'row' }, h('label', { for: id, text: label }), input);
  return { row, input };
}

/** The section, built here so the page's markup keeps one placeholder. */
function build(host: HTMLElement) {
  const url = field('sync-url', t('syncUrl'), 'url', 'sync-url', { placeholder: 'https://couch.example.org' });
  const db = field('sync-database', t('syncDatabase'), 'text', 'sync-database');
  const dbHint = h('p', { class: 'hint', 'data-testid': 'sync-database-hint' });
  const user = field('sync-user', t('syncUser'), 'text', 'sync-user');
  const password = field('sync-password', t('syncPassword'), 'password', 'sync-password', { autocomplete: 'new-password' });
  const enable = h('input', { type: 'checkbox', 'data-testid': 'sync-enable' });
  const test = h('button', { type: 'button', 'data-testid': 'sync-test', text: t('syncTest') });
  const now = h('button', { type: 'button', 'data-testid': 'sync-now', text: t('syncNow') });
  const problem = h('p', { class: 'row sync-problem', role: 'alert', 'data-testid': 'sync-problem' });
  const status = h('p', { class: 'row', role: 'status', 'aria-live': 'polite', 'data-testid': 'sync-status', 'data-state': 'off' });
  // Documents the server sent that were refused: ids and reasons as text (both may be hostile).
  const refused = h('ul', { class: 'row sync-refused', 'data-testid': 'sync-refused' });
  host.append(
    h('h2', { id: 'h-sync', text: t('syncHeading') }),
    h('p', { class: 'hint', text: t('syncHint') }),
    url.row,
    db.row,
    dbHint,
    user.row,
    password.row,
    h('label', { class: 'row' }, enable, h('span', { text: t('syncEnable') })),
    h('div', { class: 'row buttons' }, test, now),
    problem,
    status,
    refused,
  );
  return { url: url.input, db: db.input, dbHint, user: user.input, password: password.input, enable, test, now, problem, status, refused };
}

type Ui = ReturnType<typeof build>;

function readConfig(ui: Ui, enabled: boolean): SyncConfig {
  const user = ui.user.value.trim();
  return {
    enabled,
    url: ui.url.value.trim(),
    // Empty: the database couch_peruser makes for this user.
    database: ui.db.value.trim() || (user ? perUserDatabase(user) : ''),
    user,
    password: ui.password.value,
  };
}

function fill(ui: Ui, c: SyncConfig): void {
  ui.url.value = c.url;
  ui.db.value = c.database;
  ui.user.value = c.user;
  ui.password.value = c.password;
  ui.enable.checked = c.enabled;
  showDbHint(ui);
}

function showDbHint(ui: Ui): void {
  const user = ui.user.value.trim();
  ui.dbHint.textContent = user ? t('syncDatabaseHint', perUserDatabase(user)) : '';
}

function showStatus(ui: Ui, s: SyncStatus): void {
  ui.status.dataset.state = s.state;
  ui.status.dataset.problem = s.problem ?? '';
  let text = '';
  if (s.state === 'off') text = t('syncStateOff');
  else if (s.state === 'syncing') text = t('syncStateSyncing');
  else if (s.state === 'ok') {
    const when = s.lastSyncAt ? formatDate(s.lastSyncAt, true) : t('syncNeverSynced');
    text = t('syncStateOk', [when, formatNumber(s.sent), formatNumber(s.received), formatNumber(s.merged)]);
  } else text = t(`syncProblem_${key(s.problem ?? 'server-error')}`);
  if (s.refused && s.state !== 'off') text += ' ' + t('syncRefused', [formatNumber(s.refused), s.refusedAt ? formatDate(s.refusedAt, true) : '']);
  ui.status.dataset.refused = String(s.refused ?? 0);
  ui.status.textContent = text;
  ui.refused.replaceChildren(...(s.state === 'off' ? [] : (s.refusedSample ?? [])).map((r) => h('li', { text: `${r.id.slice(0, 120)}: ${r.reason}` })));
  ui.status.title = s.detail ?? '';
}

/** The first thing wrong with the fields, in plain words; null when they can be used. */
function fieldProblem(c: SyncConfig): string | null {
  const p = configProblems(c)[0];
  if (!p) return null;
  const prefix = { url: 'syncUrl_', database: 'syncDb_', user: 'syncUser_', password: 'syncPassword_' }[p.field];
  return t(prefix + key(p.problem));
}

/**
 * Origins this page knows to be granted, kept current as the address is typed. Firefox shows its
 * prompt again for a host permission the add-on already holds (Chromium answers at once), and
 * the prompt must be asked in the click's own turn: no time to ask permissions.contains first.
 */
const granted = new Set<string>();

function originOf(c: Pick<SyncConfig, 'url'>): string | null {
  const u = checkServerUrl(c.url);
  return u.ok ? u.permission : null;
}

async function learnGranted(url: string): Promise<void> {
  const origin = originOf({ url });
  if (!origin) return;
  if (await browser.permissions.contains({ origins: [origin] }).catch(() => false)) granted.add(origin);
  else granted.delete(origin);
}

/**
 * Ask for the host permission of this one server. Must be the first thing a click does: the
 * browser allows the prompt only in the click's own turn.
 */
function askPermission(c: SyncConfig): Promise<boolean> {
  const origin = originOf(c);
  if (!origin) return Promise.resolve(false);
  if (granted.has(origin)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [origin] }).then(
    (ok) => {
      if (ok) granted.add(origin);
      return ok;
    },
    () => false,
  );
}

export async function bindSync(host: HTMLElement): Promise<void> {
  const ui = build(host);
  const stored = await browser.storage.local.get([CONFIG_KEY, STATUS_KEY]);
  fill(ui, validateSyncConfig(stored[CONFIG_KEY]));
  const fail = (text: string) => {
    ui.problem.textContent = text;
  };
  // While a run this page asked for is under way, the status says so from the click on: the
  // worker writes 'syncing' only a moment later, and the end of a run that was already going
  // (the automatic one) must not read as the end of the one asked for. The reply ends it.
  let asked = 0;
  let latest = (stored[STATUS_KEY] as SyncStatus | undefined) ?? null;
  if (latest) showStatus(ui, latest);
  const ask = async (run: () => Promise<SyncStatus>): Promise<void> => {
    asked++;
    ui.status.setAttribute('aria-busy', 'true');
    showStatus(ui, { ...(latest ?? OFF_STATUS), state: 'syncing', problem: null });
    try {
      latest = await run();
    } catch (err) {
      fail(String((err as Error).message));
    } finally {
      if (--asked === 0) {
        ui.status.removeAttribute('aria-busy');
        if (latest) showStatus(ui, latest);
      }
    }
  };
  browser.storage.onChanged.addListener((changes, area) => {
    const next = area === 'local' ? (changes[STATUS_KEY]?.newValue as SyncStatus | undefined) : undefined;
    if (!next) return;
    latest = next;
    if (!asked || next.state === 'syncing') showStatus(ui, next);
  });
  ui.user.addEventListener('input', () => showDbHint(ui));
  const learn = () => void learnGranted(ui.url.value.trim());
  learn();
  ui.url.addEventListener('input', learn);
  browser.permissions.onAdded?.addListener(learn);
  browser.permissions.onRemoved?.addListener(learn);

  ui.enable.addEventListener('change', async () => {
    fail('');
    const on = ui.enable.checked;
    const config = readConfig(ui, on);
    if (on) {
      const wrong = fieldProblem(config);
      if (wrong) {
        ui.enable.checked = false;
        return fail(wrong);
      }
      if (!(await askPermission(config))) {
        ui.enable.checked = false;
        return fail(t('syncPermissionDenied'));
      }
      ui.db.value = config.database;
    }
    if (on) return ask(() => send('sync.configure', { config }));
    try {
      showStatus(ui, await send('sync.configure', { config }));
    } catch (err) {
      fail(String((err as Error).message));
    }
  });

  ui.test.addEventListener('click', async () => {
    fail('');
    const config = readConfig(ui, ui.enable.checked);
    const wrong = fieldProblem(config);
    if (wrong) return fail(wrong);
    const granted = await askPermission(config);
    ui.problem.textContent = t('syncTesting');
    const r = await send('sync.test', { config });
    ui.problem.dataset.result = r.ok ? 'ok' : r.problem;
    if (r.ok) ui.problem.textContent = t('syncTestOk', formatNumber(r.docs));
    else ui.problem.textContent = granted || r.problem !== 'permission' ? t(`syncProblem_${key(r.problem)}`) : t('syncPermissionDenied');
  });

  ui.now.addEventListener('click', () => {
    fail('');
    void ask(() => send('sync.now', {}));
  });
}
