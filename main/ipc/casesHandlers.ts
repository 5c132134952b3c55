import type { Handlers } from '../../shared/ipc/contract.ts';
import {
  getCase,
  getRevision,
  listCases,
  listEvents,
  listPages,
  listRevisions,
  restoreRevision,
  saveCase,
  setPageStatus,
  setStage,
  thinRevisions,
} from '../store/index.ts';
import { currentUser, type AppContext } from '../services/context.ts';

type CaseChannels =
  | 'cases:list'
  | 'cases:get'
  | 'cases:save'
  | 'cases:setStage'
  | 'cases:events'
  | 'cases:revisions'
  | 'cases:restore'
  | 'revisions:get'
  | 'pages:list'
  | 'pages:setStatus';

export function casesHandlers(ctx: AppContext): Pick<Handlers, CaseChannels> {
  const db = ctx.lib.db;
  return {
    'cases:list': ({ volumeId, stage }) => listCases(db, volumeId, stage ? { stage } : {}),
    'cases:get': ({ id }) => getCase(db, id),
    'cases:save': (input) => {
      const saved = saveCase(db, { ...input, who: currentUser(ctx) });
      // Autosave writes a revision a second while typing; thinning keeps history readable and the file small.
      thinRevisions(db, input.id);
      return saved;
    },
    'cases:setStage': ({ id, stage, note }) =>
      setStage(db, { id, stage, who: currentUser(ctx), ...(note ? { note } : {}) }),
    'cases:events': ({ id }) => listEvents(db, id),
    'cases:revisions': ({ id }) => listRevisions(db, id),
    'cases:restore': ({ id, revisionId, version }) =>
      restoreRevision(db, { caseId: id, revisionId, version, who: currentUser(ctx) }),
    'revisions:get': ({ id }) => getRevision(db, id),
    'pages:list': ({ volumeId }) => listPages(db, volumeId),
    'pages:setStatus': ({ id, status }) => setPageStatus(db, id, status),
  };
}
