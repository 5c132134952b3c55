import type { Handlers } from '../../shared/ipc/contract.ts';
import {
  countCasesByStage,
  getWorkflow,
  getCase,
  getVolume,
  setAssignee,
  getRevision,
  listCases,
  listEvents,
  listPages,
  getPageOcr,
  listRevisions,
  restoreRevision,
  setPageStatus,
} from '../store/index.ts';
import { act, saveWorkflow, workflowOf } from '../services/workflowService.ts';
import { saveCaseEdit } from '../services/caseService.ts';
import { currentUser, type AppContext } from '../services/context.ts';

type CaseChannels =
  | 'cases:list'
  | 'cases:get'
  | 'cases:save'
  | 'cases:act'
  | 'cases:workflow'
  | 'workflow:get'
  | 'workflow:set'
  | 'cases:events'
  | 'cases:revisions'
  | 'cases:restore'
  | 'revisions:get'
  | 'pages:list'
  | 'pages:setStatus'
  | 'pages:ocr'
  | 'cases:stageCounts'
  | 'cases:setAssignee';

export function casesHandlers(ctx: AppContext): Pick<Handlers, CaseChannels> {
  const db = ctx.lib.db;
  return {
    'cases:list': ({ volumeId, stage }) => listCases(db, volumeId, stage ? { stage } : {}),
    'cases:get': ({ id }) => getCase(db, id),
    'cases:save': (input) => saveCaseEdit(ctx, input),
    'cases:act': ({ id, action }) => act(ctx, id, action),
    'cases:workflow': ({ id }) => workflowOf(ctx, id),
    'workflow:get': () => getWorkflow(db),
    'workflow:set': (input) => saveWorkflow(ctx, input),
    'cases:events': ({ id }) => listEvents(db, id),
    'cases:revisions': ({ id }) => listRevisions(db, id),
    'cases:restore': ({ id, revisionId, version }) =>
      restoreRevision(db, { caseId: id, revisionId, version, who: currentUser(ctx) }),
    'revisions:get': ({ id }) => getRevision(db, id),
    'pages:list': ({ volumeId }) => listPages(db, volumeId),
    'pages:setStatus': ({ id, status }) => setPageStatus(db, id, status),
    'pages:ocr': ({ volumeId, index }) => getPageOcr(db, volumeId, index),
    'cases:stageCounts': ({ volumeId }) => {
      getVolume(db, volumeId);
      return countCasesByStage(db, volumeId);
    },
    'cases:setAssignee': ({ id, assignee }) => setAssignee(db, id, assignee),
  };
}
