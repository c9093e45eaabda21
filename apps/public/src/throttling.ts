/** The site's one throttler (requests per address, counted in Redis); each route sets its own limit under this name. */
export const publicThrottler = 'public';
