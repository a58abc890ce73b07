// Repository of the audit log: append and read back, newest first. Never updates or deletes.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditLog } from '../schema';
import type { AuditEntry, AuditRecord } from '../types';
import type { RepositoryContext } from './context';

export interface AuditRepository {
  append(entry: AuditEntry): Promise<AuditRecord>;
  list(filter?: { actor?: string; target?: string; beforeId?: number; limit?: number }): Promise<AuditRecord[]>;
}

type Row = typeof auditLog.$inferSelect;
const toAudit = (row: Row): AuditRecord => ({ ...row });

export function createAuditRepository(ctx: RepositoryContext): AuditRepository {
  const { db } = ctx;
  return {
    async append(entry) {
      const [row] = await db.insert(auditLog).values({
        actor: entry.actor, action: entry.action, target: entry.target, detail: entry.detail ?? null,
      }).returning();
      return toAudit(row!);
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.actor !== undefined) conditions.push(eq(auditLog.actor, filter.actor));
      if (filter.target !== undefined) conditions.push(eq(auditLog.target, filter.target));
      if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
      const rows = await db.select().from(auditLog).where(and(...conditions))
        .orderBy(desc(auditLog.id)).limit(filter.limit ?? 100);
      return rows.map(toAudit);
    },
  };
}
