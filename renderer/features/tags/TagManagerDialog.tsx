import { useState } from 'react';
import type { TagUsage } from '../../../shared/model/tags.ts';
import type { Client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { useNotices } from '../../ui/Notices.tsx';
import { useAsync } from '../../ui/useAsync.ts';
import { useSubmit } from '../../ui/useSubmit.ts';
import { sortTags } from '../library/caseTable.ts';
import { TagChip } from './TagChip.tsx';
import { TagPalette } from './TagPalette.tsx';

type TagsClient = Pick<Client, 'tags'>;

interface Props {
  client: TagsClient;
  onClose(): void;
  /** After any rename, colour change or deletion, so the tables showing tags can refresh. */
  onChanged(): void;
}

/** The library's tags: rename, colour, delete (with a confirmation naming how many cases lose it). */
export function TagManagerDialog({ client, onClose, onChanged }: Props) {
  const { t } = useI18n();
  const notices = useNotices();
  const list = useAsync('tags:manager', () => client.tags.list());
  const [deleting, setDeleting] = useState<TagUsage | null>(null);
  const changed = () => {
    list.reload();
    onChanged();
  };

  return (
    <Dialog title={t('tags.managerTitle')} onClose={onClose} testId="tag-manager">
      {list.data === undefined ? (
        list.error ? (
          <ErrorNotice error={list.error} onRetry={list.reload} />
        ) : (
          <Loading />
        )
      ) : list.data.length === 0 ? (
        <p className="empty-hint">{t('tags.managerEmpty')}</p>
      ) : (
        <>
          <p className="hint">{t('tags.managerHint')}</p>
          <ul className="tag-manager">
            {sortTags(list.data).map((tag) => (
              <TagRow
                key={`${tag.id}:${tag.name}`}
                tag={tag}
                client={client}
                onChanged={changed}
                onDelete={() => setDeleting(tag)}
              />
            ))}
          </ul>
        </>
      )}
      {deleting ? (
        <ConfirmDialog
          title={t('tags.confirmDeleteTitle')}
          confirmLabel={t('tags.confirmDeleteButton', { name: deleting.name })}
          testPrefix="delete-tag"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await client.tags.delete({ id: deleting.id });
            setDeleting(null);
            notices.info(t('tags.deleted', { name: deleting.name }));
            changed();
          }}
        >
          <p data-testid="delete-tag-message">{t('tags.confirmDeleteBody', { name: deleting.name, count: deleting.cases })}</p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}

function TagRow({
  tag,
  client,
  onChanged,
  onDelete,
}: {
  tag: TagUsage;
  client: TagsClient;
  onChanged(): void;
  onDelete(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const rename = useSubmit(async () => {
    await client.tags.rename({ id: tag.id, name: name.trim() });
    onChanged();
  });
  const recolor = useSubmit(async (next: string) => {
    const previous = color;
    setColor(next);
    try {
      await client.tags.setColor({ id: tag.id, color: next });
      onChanged();
    } catch (err) {
      setColor(previous);
      throw err;
    }
  });
  const unchanged = name.trim() === '' || name.trim() === tag.name;
  return (
    <li className="tag-manager__row" data-testid="tag-manager-row" data-tag-id={tag.id} data-name={tag.name}>
      <TagChip tag={{ ...tag, color }} />
      <form className="tag-manager__rename" onSubmit={rename.onSubmit}>
        <input
          value={name}
          maxLength={50}
          aria-label={t('tags.renameTag', { name: tag.name })}
          onChange={(e) => setName(e.target.value)}
          data-testid="tag-manager-name"
        />
        <button type="submit" disabled={rename.busy || unchanged} data-testid="tag-manager-rename">
          {t('common.rename')}
        </button>
      </form>
      <TagPalette
        value={color}
        label={t('tags.colorOf', { name: tag.name })}
        disabled={recolor.busy}
        onChange={(next) => recolor.run(next)}
        testId="tag-manager-palette"
      />
      <span className="tag-manager__usage muted">{t('tags.usage', { count: tag.cases })}</span>
      <button type="button" className="tag-manager__delete danger-outline" onClick={onDelete} data-testid="tag-manager-delete">
        {t('tags.deleteTag')}
      </button>
      {rename.error ? <ErrorNotice error={rename.error} /> : null}
      {recolor.error ? <ErrorNotice error={recolor.error} /> : null}
    </li>
  );
}
