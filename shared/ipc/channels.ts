/**
 * The channel names alone, without schemas: the preload builds the API object from this
 * list so it does not have to bundle the validation library. `contract.ts` must define
 * exactly these channels (checked by its type and by a test).
 */
export const CHANNEL_NAMES = [
  'app:info',
  'organisations:list',
  'cards:register',
  'cards:list',
  'cards:get',
  'findings:preview',
  'findings:card',
  'decisions:list',
  'decisions:add',
  'settings:get',
  'settings:update',
  'report:monthly',
  'report:history',
  'report:export',
  'cards:end',
  'cards:void',
  'cards:extend',
  'review:lists',
  'audit:list',
  'import:preview',
  'import:commit',
  'app:health',
  'backup:list',
  'backup:create',
  'backup:restore',
  'personal:export',
  'setup:status',
  'setup:complete',
  'organisations:rename',
  'hub:status',
  'hub:connect',
  'hub:sync',
  'region:cards',
  'region:report',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
