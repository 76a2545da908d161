/** Sites (host names without www.) where the user allowed Sift's fetches to send their cookies (storage.local). Empty by default. */
export const COOKIE_SITES_KEY = 'captureCookieSites';
