import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@aqtalu/contracts';

export const PUBLIC_ROUTE = 'aqtalu:public';
export const REQUIRED_PERMISSION = 'aqtalu:permission';
export const DURING_ENROLMENT = 'aqtalu:during-enrolment';

/** Opts a route out of the global authentication guard. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Declares, in one place, that a route needs a signed-in user (with a permission) and its OpenAPI
 * security. `duringEnrolment`: reachable by a user who must still set up a second factor.
 */
export function Authenticated(options: { permission?: Permission; duringEnrolment?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, options.permission),
    SetMetadata(DURING_ENROLMENT, options.duringEnrolment ?? false),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired or invalid access token' }),
    ...(options.permission ? [ApiForbiddenResponse({ description: `Needs the permission ${options.permission}` })] : []),
  );
}
