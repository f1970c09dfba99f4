// Two small datasets for the status-history tests: one defines a tie with a history, the other
// requires it and adds a phase.

// Line numbers matter: the tests below replace lines of BASE by number.
export const BASE = `dataset:
  id: base
  title: Base
sources:
  - id: src
    title: A source
entities:
  - id: acme
    kind: Company
    name: Acme
  - id: agency
    kind: Agency
    name: The Agency
  - id: newcomer
    kind: Company
    name: Newcomer
    founded: 2020
relationships:
  - id: acme-agency
    from: acme
    type: COOPERATES_WITH
    to: agency
    since: 2016-07-25
    until: 2023
    evidence:
      - source: src
        quote: They began to work together.
    history:
      - status: frozen
        since: 2018-06-13
        note: frozen in protest
        evidence:
          - source: src
            quote: We freeze our cooperation.
  - from: newcomer
    type: COOPERATES_WITH
    to: agency
    evidence:
      - source: src
`;

export const CONTEXT = `dataset:
  id: context
  title: Context
  requires: [base]
sources:
  - id: later
    title: A later source
phases:
  - relationship: acme-agency
    status: active
    since: 2021-07
    evidence:
      - source: later
        quote: We are partners again.
`;

export function withLine(text: string, n: number, replacement: string): string {
  const lines = text.split('\n');
  lines.splice(n - 1, 1, replacement);
  return lines.join('\n');
}
