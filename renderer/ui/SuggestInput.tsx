/** A text field offering known values (tag names, assignees) while still taking a new one. */
export function SuggestInput({
  id,
  value,
  onChange,
  suggestions,
  maxLength,
  placeholder,
  testId,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  suggestions: readonly string[];
  maxLength: number;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <>
      <input
        id={id}
        list={`${id}-options`}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      <datalist id={`${id}-options`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
