// What every editing form shares: a problem named by the field it is about, shown next to that
// field (or above the buttons when it names none the form shows), dates checked before sending,
// and one write at a time.
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { parsePartialDate } from '../../../server/src/domain/partial-date.ts';
import { ApiError } from '../api/client.ts';

export type Problem = { message: string; field?: string };

/**
 * What a failed write says: a conflict tells how to go on (or, for a write that only creates,
 * is the problem of the field naming the new id), the API's errors keep their field.
 */
export function problemOf(failure: unknown, createdId?: string): Problem {
  if (failure instanceof ApiError && failure.code === 'CONFLICT' && createdId) {
    return { message: failure.message, field: createdId };
  }
  if (failure instanceof ApiError && failure.code === 'CONFLICT') {
    return {
      message: `Not saved: ${failure.message} Cancel and edit again to start from the current version.`,
    };
  }
  if (failure instanceof ApiError) return { message: failure.message, field: failure.field };
  return { message: failure instanceof Error ? failure.message : String(failure) };
}

/** The first date that breaks the API's rule (partial-date.ts), named by its field. */
export function datesProblem(dates: Record<string, string>): Problem | null {
  for (const [field, value] of Object.entries(dates)) {
    if (value.trim() === '') continue;
    const parsed = parsePartialDate(value.trim());
    if (!parsed.ok) return { field, message: `${field} ${parsed.message}.` };
  }
  return null;
}

/** The trimmed text, or null when there is none: how the API's inputs clear a field. */
export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function FieldError({ problem, field }: { problem: Problem | null; field: string }) {
  return problem?.field === field ? (
    <span role="alert" className="error field-error">
      {problem.message}
    </span>
  ) : null;
}

/** A labelled text input with its field's error under it. */
export function TextInput({
  label,
  field,
  value,
  onChange,
  problem,
  placeholder,
  multiline,
}: {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
  problem: Problem | null;
  placeholder?: string;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError problem={problem} field={field} />
    </label>
  );
}

/** Text inputs for some of a draft's fields, each `[field, label]`, named as the API names them. */
export function TextInputs<Field extends string>({
  fields,
  draft,
  onChange,
  problem,
}: {
  fields: readonly (readonly [Field, string])[];
  draft: Record<Field, string>;
  onChange(field: Field, value: string): void;
  problem: Problem | null;
}) {
  return fields.map(([field, label]) => (
    <TextInput
      key={field}
      label={label}
      field={field}
      value={draft[field]}
      onChange={(value) => onChange(field, value)}
      problem={problem}
    />
  ));
}

/** The problem when no field the form shows is named by it ("history" shows "history.0.since"). */
export function FormProblem({ problem, fields }: { problem: Problem | null; fields: string[] }) {
  const field = problem?.field;
  const shown = field && fields.some((name) => field === name || field.startsWith(`${name}.`));
  if (!problem || shown) return null;
  return (
    <p role="alert" className="error">
      {problem.message}
    </p>
  );
}

export function FormActions({
  busy,
  submit,
  onCancel,
  disabled,
  children,
}: {
  busy: boolean;
  submit: string;
  onCancel(): void;
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={busy || disabled}>
        {busy ? 'Saving…' : submit}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {children}
    </div>
  );
}

/**
 * One write at a time: `run` checks first (a problem stops it before anything is sent), then
 * writes, and keeps what went wrong as the form's problem. `createdId` is the field of the id
 * a write that only creates makes (see problemOf).
 */
export function useWrite(createdId?: string) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<void>, check?: () => Problem | null) => {
    const found = check?.() ?? null;
    if (found) return setProblem(found);
    setBusy(true);
    setProblem(null);
    try {
      await write();
    } catch (failure) {
      setProblem(problemOf(failure, createdId));
    } finally {
      setBusy(false);
    }
  };
  const submit =
    (write: () => Promise<void>, check?: () => Problem | null) => (event: FormEvent) => {
      event.preventDefault();
      void run(write, check);
    };
  return { problem, setProblem, busy, run, submit };
}
