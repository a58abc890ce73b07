// Audit controller: GET /api/audit (operators), newest first, paged by id. Read-only; the services
// write the log.
import { Elysia, t } from 'elysia';
import type { AuditRecord } from '../../store';
import type { AuthPlugin } from '../auth/plugin';
import { requireOperator } from '../auth/principal';
import { DEFAULT_LIMIT, IsoDate, Limit, QueryInteger } from '../http/model';
import type { ServiceDeps } from '../service-support';

export const AuditQuery = t.Object({
  actor: t.Optional(t.String({ minLength: 1, maxLength: 128 })),
  target: t.Optional(t.String({ minLength: 1, maxLength: 128 })),
  beforeId: t.Optional(QueryInteger('beforeId')),
  limit: t.Optional(Limit),
}, { additionalProperties: false });

export const AuditView = t.Object({
  id: t.Integer(), ts: IsoDate, actor: t.String(), action: t.String(), target: t.String(),
  detail: t.Union([t.Record(t.String(), t.Unknown()), t.Null()]),
}, { additionalProperties: false });

export const AuditPage = t.Object({
  items: t.Array(AuditView),
  /** beforeId of the next (older) page; null on the last page. */
  next: t.Union([t.Integer(), t.Null()]),
}, { additionalProperties: false });

const toAuditView = (r: AuditRecord) => ({ id: r.id, ts: r.ts.toISOString(), actor: r.actor, action: r.action, target: r.target, detail: r.detail });

export function auditController(deps: Pick<ServiceDeps, 'store'>, auth: AuthPlugin) {
  return new Elysia({ name: 'ingress.audit', normalize: false, prefix: '/api/audit' })
    .use(auth)
    .get('', async ({ principal, query }) => {
      requireOperator(principal);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const rows = await deps.store.audit.list({ actor: query.actor, target: query.target, beforeId: query.beforeId, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return { items: page.map(toAuditView), next: rows.length > limit ? page[page.length - 1]!.id : null };
    }, { query: AuditQuery, response: { 200: AuditPage }, detail: { tags: ['audit'], summary: 'Audit log, newest first (operator)' } });
}
