import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './chromium.ts';

/**
 * A Chromium whose profile's IndexedDB folder sits on a private tmpfs of `sizeMb`: a disk that
 * really fills up, for Sift's database only. Sift has the unlimitedStorage permission, so a quota
 * override (CDP Storage.overrideQuotaForOrigin) does not apply to it; the limit it meets in real
 * life is the disk. Chromium then aborts the write ("DataError: Failed to write blobs (IOError)").
 *
 * Needs a private mount namespace: Linux user namespaces (`unshare -Urm`), or root. Returns the
 * path of a wrapper to pass as Sift.launch({ executablePath }).
 */
export function smallDiskChromium(sizeMb: number): string {
  const unshare = ['-Urm', '-m'].find((flag) => {
    try {
      execFileSync('unshare', [flag, 'true'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!unshare) throw new Error('This test needs a private mount namespace: `unshare -Urm` (user namespaces) or root.');
  const dir = mkdtempSync(join(tmpdir(), 'sift-small-disk-'));
  const wrapper = join(dir, 'chromium');
  writeFileSync(
    wrapper,
    `#!/bin/sh
# Chromium with <profile>/Default/IndexedDB on a ${sizeMb} MB tmpfs of its own (see e2e/support/small-disk.ts).
set -e
for a in "$@"; do case "$a" in --user-data-dir=*) UDD="\${a#--user-data-dir=}";; esac; done
mkdir -p "$UDD/Default/IndexedDB"
exec unshare ${unshare} sh -c 'mount -t tmpfs -o size=${sizeMb}m tmpfs "$0/Default/IndexedDB" && bin="$1" && shift && exec "$bin" "$@"' "$UDD" ${JSON.stringify(chromiumPath())} "$@"
`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}
