/** This worker life's id: the queue's claims carry it, so the next life knows which are stale. */
export const BOOT_ID = crypto.randomUUID();
