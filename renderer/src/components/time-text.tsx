import { formatAbsolute, formatRelative } from '../format/time';
import { useNow } from './use-now';

/** A time shown relative ("in 3 hours") with the absolute date beside it, or "Never". */
export function TimeText({ at, never = 'Never' }: { at: number | null; never?: string }) {
  const now = useNow();
  if (at === null) return <span className="muted">{never}</span>;
  return (
    <time dateTime={new Date(at).toISOString()} title={formatAbsolute(at)} className="time-text">
      <span>{formatRelative(at, now)}</span>
      <span className="time-absolute">{formatAbsolute(at)}</span>
    </time>
  );
}
