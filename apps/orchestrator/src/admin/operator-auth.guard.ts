import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CrewError, type Secret } from '@mcp-crew/core';
import { bearerToken, sameCredential } from '../http/constant-time.js';
import { OPERATOR_API_KEY } from '../runtime/providers.js';

/**
 * The admin API's door: `Authorization: Bearer <OPERATOR_API_KEY>`, compared in constant time. Without
 * OPERATOR_API_KEY the admin API is off (503), never open.
 */
@Injectable()
export class OperatorAuthGuard implements CanActivate {
  constructor(@Inject(OPERATOR_API_KEY) private readonly operatorApiKey: Secret | null) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.operatorApiKey;
    if (!expected) {
      throw new CrewError(
        'ADMIN_API_DISABLED',
        'the admin API is disabled: set OPERATOR_API_KEY to enable it',
        { domain: 'admin', category: 'system' },
      );
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token)
      throw new CrewError('AUTH_REQUIRED', 'send the operator key as "Authorization: Bearer <key>"', {
        domain: 'admin',
        category: 'user',
      });
    if (!sameCredential(token, expected.reveal()))
      throw new CrewError('AUTH_INVALID', 'the operator key is not valid', {
        domain: 'admin',
        category: 'user',
      });
    return true;
  }
}
