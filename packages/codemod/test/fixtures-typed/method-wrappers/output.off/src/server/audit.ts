import type { FlagResolver } from '../flag-resolver';

export class AuditLog {
  constructor(private readonly flagResolver: FlagResolver) {}

  /** Still called through a structural type below (the call is not folded): it stays. */
  newNavAudited(): boolean {
    return false;
  }
}

export function auditLabel(audit: { newNavAudited(): boolean }): string {
  return audit.newNavAudited() ? 'audited' : 'open';
}
