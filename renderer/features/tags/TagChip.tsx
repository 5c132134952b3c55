import type { CSSProperties } from 'react';
import type { Tag } from '../../../shared/model/entities.ts';
import { readableTextOn } from '../../../shared/model/tags.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './tags.css';

/** The custom properties a coloured chip or swatch paints with; none for the default look. */
export function tagColorStyle(color: string): CSSProperties | undefined {
  return color ? ({ '--tag-bg': color, '--tag-fg': readableTextOn(color) } as CSSProperties) : undefined;
}

/** A tag as a small coloured label; with `onRemove`, a × that takes it off. */
export function TagChip({ tag, onRemove, disabled }: { tag: Tag; onRemove?(): void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={tag.color ? 'tag-chip tag-chip--colored' : 'tag-chip'}
      style={tagColorStyle(tag.color)}
      data-testid="tag-chip"
      data-tag-id={tag.id}
      data-color={tag.color}
    >
      {tag.name}
      {onRemove ? (
        <button
          type="button"
          className="tag-chip__remove"
          aria-label={t('tags.removeFromCase', { name: tag.name })}
          disabled={disabled}
          onClick={onRemove}
          data-testid="tag-chip-remove"
        >
          ×
        </button>
      ) : null}
    </span>
  );
}
