import type { NextFunction, Request, Response } from 'express';

/**
 * The public pages lived under the API's `/api/public/…` until the public site became an app of its own; certificates
 * already printed carry that address in their QR code, and e-mails already sent and earlier open-data dumps link to
 * it. Each such address answers 308 with the same page on the public site (`PUBLIC_SITE_URL`).
 */
export function publicSiteRedirects(publicSiteUrl: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const moved = /^\/api\/public(\/(?:persons|applications|certificates|open-data)(?:[/?].*)?)$/.exec(request.originalUrl);
    if (!moved) return next();
    response.redirect(308, `${publicSiteUrl}${moved[1]}`);
  };
}
