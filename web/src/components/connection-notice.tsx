import { useSyncExternalStore } from 'react';
import { currentAvailability, subscribeAvailability } from '../api/availability.ts';
import './connection-notice.css';

const MESSAGES = {
  unavailable: 'The database is unavailable, retrying…',
  busy: 'The server is busy, retrying…',
};

/** Says so while requests wait for the database or the server; gone once one is answered. */
export function ConnectionNotice() {
  const availability = useSyncExternalStore(subscribeAvailability, currentAvailability);
  if (availability === 'ok') return null;
  return (
    <p className="connection-notice" role="status" aria-live="polite">
      {MESSAGES[availability]}
    </p>
  );
}
