/** The Details panel while its content is on its way. */
export function LoadingPanel({ text }: { text: string }) {
  return (
    <aside aria-label="Details" className="details" aria-busy="true">
      <p className="hint">{text}</p>
    </aside>
  );
}

/** The Details panel when its content could not be read, with a way to try again. */
export function ErrorPanel({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <aside aria-label="Details" className="details">
      <p role="alert" className="error">
        {message}{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    </aside>
  );
}
