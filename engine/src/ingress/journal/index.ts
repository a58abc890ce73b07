// Journal controller: read-only /api/orders, /api/fills and /api/signals. Validates queries and
// delegates to JournalService; no business rules here.
import { Elysia } from 'elysia';
import type { AuthPlugin } from '../auth/plugin';
import type { ServiceDeps } from '../service-support';
import { FillList, FillsQuery, OrderList, OrdersQuery, SignalPage, SignalsQuery } from './model';
import { JournalService } from './service';

const tags = ['journal'];

export function journalController(deps: ServiceDeps, auth: AuthPlugin) {
  const journal = new JournalService(deps);
  return new Elysia({ name: 'ingress.journal', normalize: false, prefix: '/api' })
    .use(auth)
    .get('/orders', async ({ principal, query }) => ({ items: await journal.orders(principal, query) }), {
      query: OrdersQuery, response: { 200: OrderList }, detail: { tags, summary: 'Orders, newest first' },
    })
    .get('/fills', async ({ principal, query }) => ({ items: await journal.fills(principal, query) }), {
      query: FillsQuery, response: { 200: FillList }, detail: { tags, summary: 'Fills, newest first' },
    })
    .get('/signals', ({ principal, query }) => journal.signals(principal, query), {
      query: SignalsQuery, response: { 200: SignalPage },
      detail: { tags, summary: 'Signals journal, newest first, paged with the next cursor (operator)' },
    });
}
