import type { AppInfo } from '../../shared/ipc/contract';
import { toCardRecord } from '../db/repositories/cards';
import { getCard, registerCard } from '../services/cards';
import type { ServiceContext } from '../services/context';
import { evaluate, findingsForCard } from '../services/findings';
import { monthlyReportStatus, reportHistory } from '../services/report';
import { exportMonthlyReport } from '../services/report-export';
import { addDecision, updateSettings } from '../services/rules-data';
import { listAudit } from '../services/audit-verify';
import { commitImportRows, previewImportRows } from '../services/import-rows';
import { endCard, extendCard, voidCard } from '../services/lifecycle';
import { reviewLists } from '../services/review';
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
      const findings = ctx.cards.findingsOf(page.rows.map((r) => r.id));
      return {
        total: page.total,
        rows: page.rows.map((row) => ({ ...toCardRecord(row), findings: findings.get(row.id) ?? [] })),
      };
    },
    'findings:preview': (draft) =>
      evaluate(ctx, {
        ...draft,
        id: draft.id ?? '',
        cardNumber: draft.cardNumber ?? '',
        holderHsaId: draft.holderHsaId ?? '',
        endedAt: null,
      }).filter((f) => draft.cardNumber || f.code !== 'card-number-unusual-format'),
    'findings:card': ({ id }) => findingsForCard(ctx, id),
    'decisions:list': () => ctx.decisions.list(),
    'decisions:add': (decision) => addDecision(ctx, decision),
    'settings:get': () => ctx.settings.rules(),
    'settings:update': (change) => updateSettings(ctx, change),
    'report:monthly': ({ month }) => monthlyReportStatus(ctx, month),
    'report:history': ({ months, endMonth }) => reportHistory(ctx, endMonth, months),
    'report:export': (request) => exportMonthlyReport(ctx, request, info.version),
    'cards:end': ({ id, endedAt, endReason }) => endCard(ctx, id, endedAt, endReason),
    'cards:void': ({ id, why }) => voidCard(ctx, id, why),
    'cards:extend': ({ id, ...extension }) => extendCard(ctx, id, extension),
    'review:lists': (query) => reviewLists(ctx, query ?? {}),
    'audit:list': (query) => listAudit(ctx, query),
    'import:preview': ({ rows }) => previewImportRows(ctx, rows),
    'import:commit': ({ rows }) => commitImportRows(ctx, rows),
  };
}
