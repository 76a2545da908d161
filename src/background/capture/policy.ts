/// <reference types="vite/client" />
import type { FetchPolicy } from '../../core/url-policy.ts';

/**
 * The fetch policy of this build. Production refuses every address of the user's own machine or
 * network. The e2e/benchmark build (`npm run build:test`, VITE_SIFT_TEST_HOSTS=1) allows only
 * 127.0.0.1, where their servers listen, and also holds a host permission for it
 * (vite.config.ts); nothing of that reaches dist/chrome or dist/firefox.
 */
export const FETCH_POLICY: FetchPolicy = { allowLoopback: import.meta.env.VITE_SIFT_TEST_HOSTS === '1' };
