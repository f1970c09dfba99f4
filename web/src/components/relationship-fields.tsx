// A relationship's own fields and its status history, as the creating and the editing forms
// both show them. Field names are the API input's, so its errors land next to the right field.
import type { RelationshipStatus } from '../api/types.ts';
import type { SourceChoice } from './evidence-picker.tsx';
import {
  datesProblem,
  FieldError,
  orNull,
  type Problem,
  TextInput,
  TextInputs,
} from './form-parts.tsx';
import { useOntology } from './ontology.tsx';

export interface RelationshipDraft {
  since: string;
  until: string;
  status: RelationshipStatus;
  role: string;
  measure: string;
  instrument: string;
  claim: string;
  description: string;
  comment: string;
}

export const EMPTY_RELATIONSHIP: RelationshipDraft = {
  since: '',
  until: '',
  status: 'ACTIVE',
  role: '',
  measure: '',
  instrument: '',
  claim: '',
  description: '',
  comment: '',
};

/** A later change of status; `source` of SAME_SOURCE is whatever the evidence form cites. */
export interface PhaseDraft {
  status: RelationshipStatus;
  since: string;
  note: string;
  source: string;
  quote: string;
  /** Evidence it came with, sent back unchanged (phases read from the record). */
  evidence?: { source: string; quote: string | null }[];
}

export const SAME_SOURCE = '__same__';

const TEXT_FIELDS = [
  ['since', 'Since (YYYY, YYYY-MM or YYYY-MM-DD)'],
  ['until', 'Until'],
  ['role', 'Role'],
  ['measure', 'Measure (what was done, for a restriction)'],
  ['instrument', 'Instrument (the act or decision)'],
  ['claim', 'Claim (what is alleged)'],
] as const;

/** The fields these forms show that an API error may name. */
export const RELATIONSHIP_FIELDS = [
  ...TEXT_FIELDS.map(([field]) => field),
  'status',
  'description',
  'history',
];

/** A status, picked from the ontology's, with its field's error under it. */
export function StatusSelect({
  label,
  field,
  value,
  onChange,
  problem,
}: {
  label: string;
  field: string;
  value: RelationshipStatus;
  onChange(status: RelationshipStatus): void;
  problem: Problem | null;
}) {
  const ontology = useOntology();
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(event) => onChange(event.target.value as RelationshipStatus)}
      >
        {ontology.statuses.map((info) => (
          <option key={info.status} value={info.status}>
            {info.label}
          </option>
        ))}
      </select>
      <FieldError problem={problem} field={field} />
    </label>
  );
}

export function RelationshipFields({
  draft,
  onChange,
  problem,
}: {
  draft: RelationshipDraft;
  onChange(draft: RelationshipDraft): void;
  problem: Problem | null;
}) {
  const set = (field: keyof RelationshipDraft) => (value: string) =>
    onChange({ ...draft, [field]: value });
  return (
    <>
      <TextInputs
        fields={TEXT_FIELDS}
        draft={draft}
        onChange={(field, value) => set(field)(value)}
        problem={problem}
      />
      <StatusSelect
        label="Status"
        field="status"
        value={draft.status}
        onChange={(status) => onChange({ ...draft, status })}
        problem={problem}
      />
      <TextInput
        label="Description"
        field="description"
        value={draft.description}
        onChange={set('description')}
        problem={problem}
        multiline
      />
    </>
  );
}

const NEW_PHASE: PhaseDraft = {
  status: 'FROZEN',
  since: '',
  note: '',
  source: SAME_SOURCE,
  quote: '',
};

/**
 * The changes of status after the first, in date order: each with its date, a note and its own
 * evidence (a quote from a source the form offers).
 */
export function PhasesEditor({
  phases,
  onChange,
  sources,
  problem,
}: {
  phases: PhaseDraft[];
  onChange(phases: PhaseDraft[]): void;
  sources: readonly SourceChoice[];
  problem: Problem | null;
}) {
  const update = (index: number, change: Partial<PhaseDraft>) =>
    onChange(phases.map((phase, i) => (i === index ? { ...phase, ...change } : phase)));
  return (
    <fieldset className="phases">
      <legend>Later changes of status</legend>
      {phases.length === 0 && <p className="hint">None: it stays in the status it began in.</p>}
      <ol>
        {phases.map((phase, index) => (
          // Phases have no id of their own; their place in the list is what the API knows them by.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} aria-label={`Phase ${index + 1}`}>
            <StatusSelect
              label="Phase status"
              field={`history.${index}.status`}
              value={phase.status}
              onChange={(status) => update(index, { status })}
              problem={problem}
            />
            <TextInput
              label="Phase since"
              field={`history.${index}.since`}
              value={phase.since}
              onChange={(since) => update(index, { since })}
              problem={problem}
            />
            <TextInput
              label="Phase note"
              field={`history.${index}.note`}
              value={phase.note}
              onChange={(note) => update(index, { note })}
              problem={problem}
            />
            {phase.evidence ? (
              <p className="hint">
                {phase.evidence.length} piece(s) of evidence, kept as they are.
              </p>
            ) : (
              <>
                <label>
                  Phase source
                  <select
                    aria-label="Phase source"
                    value={phase.source}
                    onChange={(event) => update(index, { source: event.target.value })}
                  >
                    <option value={SAME_SOURCE}>The relationship's source</option>
                    {sources.map((item) => (
                      <option key={item.id} value={item.id}>
                        {item.title}
                      </option>
                    ))}
                  </select>
                </label>
                <TextInput
                  label="Phase quote"
                  field={`history.${index}.quote`}
                  value={phase.quote}
                  onChange={(quote) => update(index, { quote })}
                  problem={problem}
                  multiline
                />
              </>
            )}
            <button
              type="button"
              className="small"
              onClick={() => onChange(phases.filter((_, i) => i !== index))}
            >
              Remove this phase
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="small" onClick={() => onChange([...phases, NEW_PHASE])}>
        Add a change of status
      </button>
      <FieldError problem={problem} field="history" />
    </fieldset>
  );
}

/** What is wrong with the phases before sending: each new one needs its date and its quote. */
export function phasesProblem(phases: readonly PhaseDraft[]): Problem | null {
  for (const [index, phase] of phases.entries()) {
    if (phase.since.trim() === '')
      return { field: `history.${index}.since`, message: 'A change of status needs its date.' };
    if (!phase.evidence && phase.quote.trim() === '')
      return { field: `history.${index}.quote`, message: 'A change of status needs a quote.' };
  }
  return datesProblem(
    Object.fromEntries(phases.map((phase, index) => [`history.${index}.since`, phase.since])),
  );
}

/** The phases as the API's input has them; `cited` is the source the evidence form wrote. */
export function phasesInput(phases: readonly PhaseDraft[], cited: string | null) {
  return phases.map((phase) => ({
    status: phase.status,
    since: phase.since.trim(),
    note: phase.note.trim() || null,
    evidence: phase.evidence ?? [
      {
        source: phase.source === SAME_SOURCE ? (cited ?? '') : phase.source,
        quote: phase.quote.trim(),
      },
    ],
  }));
}

/** The relationship's fields as the API's input has them. */
export function fieldsInput(draft: RelationshipDraft) {
  return {
    since: orNull(draft.since),
    until: orNull(draft.until),
    status: draft.status,
    role: orNull(draft.role),
    measure: orNull(draft.measure),
    instrument: orNull(draft.instrument),
    claim: orNull(draft.claim),
    description: orNull(draft.description),
  };
}
