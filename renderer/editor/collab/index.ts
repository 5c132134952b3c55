export { CollabPlugin, type CollabConfig } from './CollabPlugin.tsx';
export { clearForCollab, registerRemoteAsLoad } from './remoteTags.ts';
export {
  createHubProvider,
  cursorColorFor,
  hubUrlFromPage,
  type CollabState,
  type CollabStatus,
  type HubProvider,
  type HubProviderOptions,
} from './hubProvider.ts';
