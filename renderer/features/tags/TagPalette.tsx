import { TAG_PALETTE } from '../../../shared/model/tags.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { tagColorStyle } from './TagChip.tsx';

interface Props {
  /** #rrggbb, or '' for the default look. */
  value: string;
  onChange(color: string): void;
  label: string;
  disabled?: boolean;
  testId?: string;
}

/** The offered colours as a row of swatches (a radio group), the default first. */
export function TagPalette({ value, onChange, label, disabled, testId = 'tag-palette' }: Props) {
  const { t } = useI18n();
  const swatches = [{ key: 'default', color: '' }, ...TAG_PALETTE] as const;
  return (
    <div className="tag-palette" role="radiogroup" aria-label={label} data-testid={testId}>
      {swatches.map(({ key, color }) => (
        <button
          key={key}
          type="button"
          role="radio"
          aria-checked={value === color}
          className={color ? 'tag-palette__swatch' : 'tag-palette__swatch tag-palette__swatch--default'}
          style={tagColorStyle(color)}
          title={t(`tags.colors.${key}`)}
          aria-label={t(`tags.colors.${key}`)}
          disabled={disabled}
          onClick={() => onChange(color)}
          data-color={color}
        />
      ))}
    </div>
  );
}
