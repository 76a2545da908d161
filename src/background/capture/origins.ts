/** What fetching pages needs (manifest optional_host_permissions), asked for in plain words. */
export const FETCH_ORIGINS = ['http://*/*', 'https://*/*'];
