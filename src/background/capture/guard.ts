import browser from 'webextension-polyfill';
import { GUARD_RULE_IDS, guardRules } from '../../core/private-host-rules.ts';
import { checkServerUrl } from '../../core/sync/settings.ts';
import { loadSyncConfig } from '../sync/status.ts';
import { FETCH_POLICY } from './policy.ts';

// The browser-side guard of the capture fetches: declarativeNetRequest session rules that block
// any request of the worker (Firefox: the background page) to the user's own machine or network,
// checked by the browser before it connects, for the first request and for every redirect.
// (fetch-page.ts also checks the address it ended at, but only after the fact.) Session rules
// outlive a stopped worker, not the browser: installed again in every worker life, before the
// first capture fetch. The user's sync server is allowed above them: it may be on this machine.

const allowed = new Set<string>();
let installing: Promise<boolean> = Promise.resolve(false);
let started = false;

async function install(): Promise<boolean> {
  try {
    const dnr = browser.declarativeNetRequest;
    const existing = await dnr.getSessionRules();
    const removeRuleIds = existing.map((r) => r.id).filter((id) => id >= GUARD_RULE_IDS.first && id <= GUARD_RULE_IDS.last);
    const addRules = guardRules({ allowLoopback: FETCH_POLICY.allowLoopback, allowOrigins: [...allowed] });
    await dnr.updateSessionRules({ removeRuleIds, addRules: addRules as unknown as browser.DeclarativeNetRequest.Rule[] });
    return true;
  } catch (err) {
    console.error('Sift: the capture guard could not be installed', err);
    return false;
  }
}

function reinstall(): Promise<boolean> {
  installing = installing.then(install, install);
  return installing;
}

/** The rules are in place (true), or could not be installed (false: capture must not fetch). */
export function guardReady(): Promise<boolean> {
  if (!started) {
    started = true;
    installing = loadSyncConfig()
      .then((c) => {
        const url = checkServerUrl(c.url);
        if (url.ok) allowed.add(url.origin);
      }, () => undefined)
      .then(install);
  }
  return installing;
}

/** Before sync talks to `origin` (a connection test, a sync run): let it through the guard. */
export async function allowSyncOrigin(origin: string): Promise<void> {
  await guardReady();
  if (allowed.has(origin)) return;
  allowed.add(origin);
  await reinstall();
}
