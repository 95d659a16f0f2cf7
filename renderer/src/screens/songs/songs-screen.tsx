import { EmptyState } from '../../components/states';

// Foundation stub: this issue replaces it with the real screen.
export function SongsScreen(_props: { filter: Record<string, string> }) {
  return <EmptyState title="Not built yet">This screen is being built.</EmptyState>;
}
