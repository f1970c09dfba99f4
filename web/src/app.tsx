import { useEffect, useState } from 'react';

interface Health {
  neo4jVersion: string;
  edition: string;
  nodeCount: number;
  relationshipCount: number;
}

type State =
  | { status: 'loading' }
  | { status: 'ready'; health: Health }
  | { status: 'error'; message: string };

async function fetchHealth(): Promise<Health> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ health { neo4jVersion edition nodeCount relationshipCount } }',
    }),
  });
  const body = (await response.json()) as {
    data?: { health: Health };
    errors?: { message: string }[];
  };
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data.health;
}

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    fetchHealth().then(
      (health) => setState({ status: 'ready', health }),
      (error: unknown) => setState({ status: 'error', message: String(error) }),
    );
  }, []);
  return (
    <main>
      <h1>Entente</h1>
      {state.status === 'loading' && <p>Connecting to the graph…</p>}
      {state.status === 'error' && <p role="alert">The API is not answering: {state.message}</p>}
      {state.status === 'ready' && (
        <p data-testid="graph-stats">
          Neo4j {state.health.neo4jVersion} ({state.health.edition}): {state.health.nodeCount}{' '}
          entities and sources, {state.health.relationshipCount} relationships.
        </p>
      )}
    </main>
  );
}
