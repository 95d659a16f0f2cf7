import { EmptyState } from '../../components/states';

// Foundation stub: this issue replaces it with the real screen.
export function ExportsScreen() {
  return <EmptyState title="Not built yet">This screen is being built.</EmptyState>;
}
