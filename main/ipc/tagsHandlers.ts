import type { Handlers } from '../../shared/ipc/contract.ts';
import {
  assignCases,
  createTag,
  deleteTag,
  getCaseSummary,
  getVolume,
  listAssignees,
  listCaseTags,
  listTagUsage,
  renameTag,
  setTagColor,
  tagCase,
  tagCases,
  untagCase,
  untagCases,
  volumeTagMap,
  withTransaction,
} from '../store/index.ts';
import type { AppContext } from '../services/context.ts';

type TagChannels =
  | 'cases:tags'
  | 'cases:tag'
  | 'cases:untag'
  | 'tags:list'
  | 'tags:rename'
  | 'tags:setColor'
  | 'tags:delete'
  | 'cases:tagMap'
  | 'cases:assignees'
  | 'cases:bulkTag'
  | 'cases:bulkUntag'
  | 'cases:bulkAssign';

export function tagsHandlers(ctx: AppContext): Pick<Handlers, TagChannels> {
  const db = ctx.lib.db;
  return {
    'cases:tags': ({ id }) => {
      getCaseSummary(db, id);
      return listCaseTags(db, id);
    },
    // One transaction: an unknown case must not leave a new, unused tag behind.
    'cases:tag': ({ id, name }) =>
      withTransaction(db, () => {
        tagCase(db, id, createTag(db, name).id);
        return listCaseTags(db, id);
      }),
    'cases:untag': ({ id, tagId }) => {
      getCaseSummary(db, id);
      untagCase(db, id, tagId);
      return listCaseTags(db, id);
    },
    'tags:list': () => listTagUsage(db),
    'tags:rename': ({ id, name }) => renameTag(db, id, name),
    'tags:setColor': ({ id, color }) => setTagColor(db, id, color),
    'tags:delete': ({ id }) => {
      deleteTag(db, id);
      return { ok: true };
    },
    'cases:tagMap': ({ volumeId }) => {
      getVolume(db, volumeId);
      return volumeTagMap(db, volumeId);
    },
    'cases:assignees': () => listAssignees(db),
    'cases:bulkTag': ({ ids, name, color }) => tagCases(db, ids, name, color),
    'cases:bulkUntag': ({ ids, tagId }) => untagCases(db, ids, tagId),
    'cases:bulkAssign': ({ ids, assignee }) => assignCases(db, ids, assignee),
  };
}
