import { EmptyState } from '../../components/states';

// Foundation stub: this issue replaces it with the real screen.
export function RankingScreen(_props: { chart: string; date: string | null }) {
  return <EmptyState title="Not built yet">This screen is being built.</EmptyState>;
}
