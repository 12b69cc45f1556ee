/**
 * The regional hub (SPEC §8), as the rest of the app reaches it. Connection and TLS
 * policy: ./connect. The desk's protocol: ./client. Regional IT's commands: ./admin.
 */
export {
  hubClientConfig,
  isLoopbackHost,
  openHubPool,
  parseHubUrl,
  redactHubUrl,
  type HubConnectOptions,
  type HubTarget,
} from './connect';
export {
  HUB_PULL_BATCH,
  HUB_PUSH_BATCH,
  pullEvents,
  pushEvents,
  whoAmI,
  type HubDesk,
  type HubIdentity,
  type PulledEvent,
  type PullResult,
  type PushResult,
} from './client';
export { HubError, isHubError, HUB_ERROR_CODES, type HubErrorCode } from './errors';
export { hashEvent, hasValidHash, sealEvent } from './event-hash';
export { addDesk, hubStatus, initHub, type AddedDesk, type HubStatus, type InitHubResult } from './admin';
