import type { AppInfo } from '../../shared/ipc/contract';
import { toCardRecord } from '../db/repositories/cards';
import type { ServiceContext } from '../services/context';
import { getCard, registerCard } from '../services/cards';
import type { Handlers } from './router';

/** The handler for every contract channel, bound to one database. */
export function createHandlers(ctx: ServiceContext, info: AppInfo): Handlers {
  return {
    'app:info': () => info,
    'organisations:list': () => ctx.organisations.list(),
    'cards:register': (values) => registerCard(ctx, values),
    'cards:get': ({ id }) => getCard(ctx, id),
    'cards:list': (query) => {
      const page = ctx.cards.list(query);
      return { total: page.total, rows: page.rows.map(toCardRecord) };
    },
  };
}
