import { useId, useState } from 'react';
import { SuggestInput } from '../../ui/SuggestInput.tsx';
import type { Tag } from '../../../shared/model/entities.ts';
import type { Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { useSubmit } from '../../ui/useSubmit.ts';
import { sortTags } from '../library/caseTable.ts';
import { useViewerWhy } from '../sync/useSyncStatus.ts';
import { TagChip } from './TagChip.tsx';

interface Props {
  caseId: number;
  assignee: string | null;
  client: Pick<Client, 'cases' | 'tags'>;
}

/**
 * The case's tags (coloured chips) and assignee as a toolbar button; its popover adds and removes
 * tags and sets or clears the assignee, each saved at once.
 */
export function CaseTags({ caseId, assignee: initialAssignee, client }: Props) {
  const { t } = useI18n();
  const uid = useId();
  const caseTags = useAsync(`caseTags:${caseId}`, () => client.cases.tags({ id: caseId }));
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [assignee, setAssignee] = useState(initialAssignee);
  const [tagName, setTagName] = useState('');
  const [assigneeDraft, setAssigneeDraft] = useState(initialAssignee ?? '');
  // What to offer, read when the popover first opens.
  const [opened, setOpened] = useState(false);
  const allTags = useAsync(opened ? 'tags:offer' : null, () => client.tags.list());
  const assignees = useAsync(opened ? 'assignees:offer' : null, () => client.cases.assignees());
  const shown = sortTags(tags ?? caseTags.data ?? []);
  // A viewer of a shared library tags and assigns nothing (main refuses it).
  const why = useViewerWhy();

  const edit = useSubmit(async (op: { kind: 'tag'; name: string } | { kind: 'untag'; tagId: number }) => {
    const next =
      op.kind === 'tag'
        ? await client.cases.tag({ id: caseId, name: op.name })
        : await client.cases.untag({ id: caseId, tagId: op.tagId });
    setTags(next);
    if (op.kind === 'tag') setTagName('');
  });
  const assign = useSubmit(async (name: string | null) => {
    const updated = await client.cases.setAssignee({ id: caseId, assignee: name });
    setAssignee(updated.assignee);
    setAssigneeDraft(updated.assignee ?? '');
  });

  return (
    <div className="case-tags">
      <button
        type="button"
        className="case-tags__toggle"
        popoverTarget={`${uid}-popover`}
        aria-haspopup="dialog"
        title={t('tags.caseTags')}
        onClick={() => setOpened(true)}
        data-testid="case-tags-toggle"
      >
        <span className="case-tags__chips" data-testid="case-tag-chips">
          {shown.length > 0 ? (
            shown.map((tag) => <TagChip key={tag.id} tag={tag} />)
          ) : (
            <span className="muted">{t('tags.caseNoTags')}</span>
          )}
        </span>
        <span className="case-tags__assignee" data-testid="case-assignee">
          {assignee ?? <span className="muted">{t('tags.caseUnassigned')}</span>}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={`${uid}-popover`}
        popover="auto"
        role="dialog"
        aria-label={t('tags.caseTags')}
        className="case-tags__popover"
        data-testid="case-tags-popover"
      >
        <h3>{t('tags.caseTags')}</h3>
        {caseTags.error ? <ErrorNotice error={caseTags.error} onRetry={caseTags.reload} /> : null}
        <div className="case-tags__chips">
          {shown.map((tag) => (
            <TagChip
              key={tag.id}
              tag={tag}
              disabled={edit.busy}
              {...(why !== undefined ? {} : { onRemove: () => edit.run({ kind: 'untag', tagId: tag.id }) })}
            />
          ))}
        </div>
        <form
          className="case-tags__row"
          onSubmit={(e) => {
            e.preventDefault();
            if (tagName.trim()) edit.run({ kind: 'tag', name: tagName.trim() });
          }}
        >
          <label htmlFor={`${uid}-tag`} className="visually-hidden">
            {t('tags.caseAddTag')}
          </label>
          <SuggestInput
            id={`${uid}-tag`}
            value={tagName}
            onChange={setTagName}
            suggestions={(allTags.data ?? []).map((tag) => tag.name)}
            maxLength={50}
            placeholder={t('tags.caseAddTagPlaceholder')}
            testId="case-tag-input"
          />
          <button
            type="submit"
            disabled={edit.busy || why !== undefined || tagName.trim() === ''}
            title={why}
            data-testid="case-tag-add"
          >
            {t('tags.caseAddTag')}
          </button>
        </form>
        {edit.error ? <ErrorNotice error={edit.error} /> : null}
        <form
          className="case-tags__row"
          onSubmit={(e) => {
            e.preventDefault();
            if (assigneeDraft.trim()) assign.run(assigneeDraft.trim());
          }}
        >
          <label htmlFor={`${uid}-assignee`}>{t('tags.caseAssignee')}</label>
          <SuggestInput
            id={`${uid}-assignee`}
            value={assigneeDraft}
            onChange={setAssigneeDraft}
            suggestions={(assignees.data ?? []).map((a) => a.name)}
            maxLength={100}
            placeholder={t('tags.caseAssigneePlaceholder')}
            testId="case-assignee-input"
          />
          <button
            type="submit"
            className="primary"
            disabled={assign.busy || why !== undefined || assigneeDraft.trim() === '' || assigneeDraft.trim() === assignee}
            title={why}
            data-testid="case-assignee-save"
          >
            {t('tags.caseSetAssignee')}
          </button>
          <button
            type="button"
            disabled={assign.busy || why !== undefined || assignee === null}
            title={why}
            onClick={() => assign.run(null)}
            data-testid="case-assignee-clear"
          >
            {t('tags.caseClearAssignee')}
          </button>
        </form>
        {assign.error ? <ErrorNotice error={assign.error} /> : null}
      </div>
    </div>
  );
}
