import { formatPercent, rateBand } from '../format/numbers';

export function SuccessRate({ rate }: { rate: number | null }) {
  return (
    <span className={`rate rate-${rateBand(rate)}`} title={rate === null ? 'No finished executions yet' : ''}>
      {formatPercent(rate)}
    </span>
  );
}
