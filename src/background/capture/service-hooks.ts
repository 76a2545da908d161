// What the worker's entry file needs of the capture features, in one import.
export { findInLibrary, kickQueue, QUEUE_ALARM } from './service.ts';
export { watchTabsForLibrary } from './in-library.ts';
export { saveLink } from './menus.ts';
