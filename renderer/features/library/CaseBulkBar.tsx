import { useId, useState } from 'react';
import { SuggestInput } from '../../ui/SuggestInput.tsx';
import type { Tag } from '../../../shared/model/entities.ts';
import type { Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';
import { TagPalette } from '../tags/TagPalette.tsx';

export type BulkChange = 'tags' | 'assignee';

interface Props {
  /** The selected cases the table shows: what every action applies to. */
  ids: readonly number[];
  /** Every tag of the library, offered when adding. */
  tags: readonly Tag[];
  /** The tags some selected case carries, offered when removing. */
  removable: readonly Tag[];
  /** Names to offer when assigning. */
  assignees: readonly string[];
  client: Pick<Client, 'cases'>;
  onDone(change: BulkChange): void;
  onClear(): void;
}

type Op =
  | { kind: 'tag'; name: string; color: string }
  | { kind: 'untag'; tag: Tag }
  | { kind: 'assign'; name: string }
  | { kind: 'unassign' };

/** Shown while rows are selected: add or remove a tag, assign or clear the assignee, for all of them at once. */
export function CaseBulkBar({ ids, tags, removable, assignees, client, onDone, onClear }: Props) {
  const { t } = useI18n();
  const notices = useNotices();
  const uid = useId();
  const [tagName, setTagName] = useState('');
  const [color, setColor] = useState('');
  const [untagId, setUntagId] = useState<number | null>(null);
  const [assignee, setAssignee] = useState('');
  const typed = tagName.trim();
  const isNewTag = typed !== '' && !tags.some((tag) => tag.name.toLowerCase() === typed.toLowerCase());
  const untag = removable.find((tag) => tag.id === untagId) ?? null;

  const submit = useSubmit(async (op: Op) => {
    const list = [...ids];
    switch (op.kind) {
      case 'tag': {
        const res = await client.cases.bulkTag({ ids: list, name: op.name, ...(op.color ? { color: op.color } : {}) });
        notices.info(t('cases.bulkTagged', { count: res.changed, name: res.tag.name }));
        setTagName('');
        setColor('');
        return onDone('tags');
      }
      case 'untag': {
        const res = await client.cases.bulkUntag({ ids: list, tagId: op.tag.id });
        notices.info(t('cases.bulkUntagged', { count: res.changed, name: op.tag.name }));
        setUntagId(null);
        return onDone('tags');
      }
      case 'assign': {
        const res = await client.cases.bulkAssign({ ids: list, assignee: op.name });
        notices.info(t('cases.bulkAssigned', { count: res.changed, name: op.name }));
        setAssignee('');
        return onDone('assignee');
      }
      case 'unassign': {
        const res = await client.cases.bulkAssign({ ids: list, assignee: null });
        notices.info(t('cases.bulkUnassigned', { count: res.changed }));
        return onDone('assignee');
      }
    }
  });

  return (
    <div className="case-bulk-bar" role="region" aria-label={t('cases.bulkLabel')} data-testid="bulk-bar">
      <div className="case-bulk-bar__head">
        <strong data-testid="bulk-count" data-count={ids.length}>
          {t('cases.selected', { count: ids.length })}
        </strong>
        <button type="button" className="link-button" onClick={onClear} data-testid="bulk-clear-selection">
          {t('cases.bulkClear')}
        </button>
      </div>
      <div className="case-bulk-bar__actions">
        <form
          className="case-bulk-bar__group"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed) submit.run({ kind: 'tag', name: typed, color: isNewTag ? color : '' });
          }}
        >
          <label htmlFor={`${uid}-tag`} className="visually-hidden">
            {t('cases.bulkTagLabel')}
          </label>
          <SuggestInput
            id={`${uid}-tag`}
            value={tagName}
            onChange={setTagName}
            suggestions={tags.map((tag) => tag.name)}
            maxLength={50}
            placeholder={t('cases.bulkTagPlaceholder')}
            testId="bulk-tag-input"
          />
          {isNewTag ? (
            <TagPalette value={color} onChange={setColor} label={t('cases.bulkNewTagColor')} testId="bulk-tag-palette" />
          ) : null}
          <button type="submit" disabled={submit.busy || typed === ''} data-testid="bulk-tag-apply">
            {t('cases.bulkTag')}
          </button>
        </form>
        {removable.length > 0 ? (
          <div className="case-bulk-bar__group">
            <label htmlFor={`${uid}-untag`} className="visually-hidden">
              {t('cases.bulkUntagLabel')}
            </label>
            <select
              id={`${uid}-untag`}
              value={untag?.id ?? ''}
              onChange={(e) => setUntagId(e.target.value === '' ? null : Number(e.target.value))}
              data-testid="bulk-untag-select"
            >
              <option value="">{t('cases.bulkUntagChoose')}</option>
              {removable.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={submit.busy || untag === null}
              onClick={() => untag && submit.run({ kind: 'untag', tag: untag })}
              data-testid="bulk-untag-apply"
            >
              {t('cases.bulkUntag')}
            </button>
          </div>
        ) : null}
        <form
          className="case-bulk-bar__group"
          onSubmit={(e) => {
            e.preventDefault();
            if (assignee.trim()) submit.run({ kind: 'assign', name: assignee.trim() });
          }}
        >
          <label htmlFor={`${uid}-assignee`} className="visually-hidden">
            {t('cases.bulkAssignLabel')}
          </label>
          <SuggestInput
            id={`${uid}-assignee`}
            value={assignee}
            onChange={setAssignee}
            suggestions={assignees}
            maxLength={100}
            placeholder={t('cases.bulkAssignPlaceholder')}
            testId="bulk-assign-input"
          />
          <button type="submit" disabled={submit.busy || assignee.trim() === ''} data-testid="bulk-assign-apply">
            {t('cases.bulkAssign')}
          </button>
          <button
            type="button"
            disabled={submit.busy}
            onClick={() => submit.run({ kind: 'unassign' })}
            data-testid="bulk-unassign"
          >
            {t('cases.bulkUnassign')}
          </button>
        </form>
      </div>
      {submit.error ? <ErrorNotice error={submit.error} /> : null}
    </div>
  );
}
