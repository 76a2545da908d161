// What the worker's entry file needs of the capture features, in one import.
export { kickQueue, QUEUE_ALARM } from './service.ts';
export { saveLink } from './menus.ts';
