import { useId, useState } from 'react';
import type { Stage } from '../../../shared/model/stage.ts';
import { REASON_MAX } from '../../../shared/workflow/schemas.ts';
import { useWorkflow } from '../../shell/WorkflowContext.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useSubmit } from '../../ui/useSubmit.ts';

export interface ReasonFormProps {
  /** Test ids: `<prefix>-form`, `<prefix>-target`, `<prefix>-text`, `<prefix>-submit`. */
  testPrefix: string;
  /** When given, the form asks which stage to go to (the first is preselected). */
  targets?: readonly Stage[] | undefined;
  targetLabel?: string | undefined;
  textLabel: string;
  placeholder?: string | undefined;
  /** A reason is required (send back, unlock, flag): the button waits for one. */
  required: boolean;
  submitLabel: string;
  /** Why the action cannot be taken now; shown instead of enabling the button. */
  disabled?: boolean | undefined;
  /** Said on the button while it cannot be used (a viewer of a shared library). */
  disabledTitle?: string | undefined;
  onSubmit(text: string, target: Stage | null): Promise<unknown>;
}

/**
 * One workflow action as a small form: an optional target stage, a note or reason, and the button;
 * main's refusal is shown in place and the text is kept for another try.
 */
export function ReasonForm(props: ReasonFormProps) {
  const { stageName } = useWorkflow();
  const id = useId();
  const { targets, testPrefix: p } = props;
  const [target, setTarget] = useState<Stage | null>(targets?.[0] ?? null);
  const [text, setText] = useState('');
  const chosen = target !== null && targets?.includes(target) ? target : (targets?.[0] ?? null);
  const form = useSubmit(async () => {
    await props.onSubmit(text.trim(), chosen);
    setText('');
  });
  const missing = props.required && text.trim() === '';
  return (
    <form className="reason-form" data-testid={`${p}-form`} onSubmit={form.onSubmit}>
      {targets ? (
        <div className="reason-form__row">
          <label htmlFor={`${id}-target`}>{props.targetLabel}</label>
          <select
            id={`${id}-target`}
            data-testid={`${p}-target`}
            value={chosen ?? ''}
            onChange={(e) => setTarget(e.target.value)}
          >
            {targets.map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="reason-form__row">
        <label htmlFor={`${id}-text`}>{props.textLabel}</label>
        <input
          id={`${id}-text`}
          data-testid={`${p}-text`}
          value={text}
          maxLength={REASON_MAX}
          required={props.required}
          placeholder={props.placeholder}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="primary"
          disabled={form.busy || missing || props.disabled === true}
          title={props.disabledTitle}
          data-testid={`${p}-submit`}
        >
          {props.submitLabel}
        </button>
      </div>
      {form.error ? <ErrorNotice error={form.error} /> : null}
    </form>
  );
}
