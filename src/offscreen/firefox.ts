import { cleanPage } from './clean.ts';

// Firefox: the background page has a DOM, so the cleaner runs there, as a second background
// script beside the worker's (manifest background.scripts). It hands the worker code one
// function; Chrome's service worker never loads this file (it has the offscreen document).
(globalThis as { siftCleanPage?: typeof cleanPage }).siftCleanPage = cleanPage;
