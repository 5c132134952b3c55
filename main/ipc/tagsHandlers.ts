import type { Handlers } from '../../shared/ipc/contract.ts';
import {
  createTag,
  deleteTag,
  getCaseSummary,
  listCaseTags,
  listTags,
  renameTag,
  tagCase,
  untagCase,
  withTransaction,
} from '../store/index.ts';
import type { AppContext } from '../services/context.ts';

type TagChannels = 'cases:tags' | 'cases:tag' | 'cases:untag' | 'tags:list' | 'tags:rename' | 'tags:delete';

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
    'tags:list': () => listTags(db),
    'tags:rename': ({ id, name }) => renameTag(db, id, name),
    'tags:delete': ({ id }) => {
      deleteTag(db, id);
      return { ok: true };
    },
  };
}
