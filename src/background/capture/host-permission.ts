import browser from 'webextension-polyfill';

/**
 * Whether Sift may fetch from `url`'s site (the optional host permission). Only the browser's
 * answer is a "no": an error (the worker being stopped mid-call, seen as one import item in 50
 * left "needs permission" after a worker kill) goes up to the queue, which tries the item again.
 */
export async function hasHostPermission(url: string): Promise<boolean> {
  let origin: string;
  try {
    const u = new URL(url);
    origin = `${u.protocol}//${u.hostname}/*`;
  } catch {
    return false;
  }
  return browser.permissions.contains({ origins: [origin] });
}
