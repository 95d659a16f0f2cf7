import { hrefOf, type Route } from '../routing/routes';

const ITEMS = [
  { href: hrefOf({ screen: 'charts' }), label: 'Charts', key: 'c', screens: ['charts', 'ranking'] },
  {
    href: hrefOf({ screen: 'schedules' }),
    label: 'Schedules',
    key: 's',
    screens: ['schedules', 'schedule-new', 'schedule-detail', 'schedule-edit'],
  },
  {
    href: hrefOf({ screen: 'executions', filter: {} }),
    label: 'Executions',
    key: 'e',
    screens: ['executions', 'execution-detail'],
  },
  { href: hrefOf({ screen: 'songs', filter: {} }), label: 'Songs', key: 'o', screens: ['songs', 'song'] },
  {
    href: hrefOf({ screen: 'analytics', filter: {} }),
    label: 'Analytics',
    key: 'd',
    screens: ['analytics'],
  },
  { href: hrefOf({ screen: 'exports' }), label: 'Exports', key: 'x', screens: ['exports'] },
  { href: hrefOf({ screen: 'alerts', filter: {} }), label: 'Alerts', key: 'a', screens: ['alerts'] },
  { href: hrefOf({ screen: 'audit', filter: {} }), label: 'Audit', key: 'l', screens: ['audit'] },
  { href: hrefOf({ screen: 'settings' }), label: 'Settings', key: 't', screens: ['settings'] },
] as const;

export function NavBar({ route }: { route: Route }) {
  return (
    <nav className="nav-bar" aria-label="Screens">
      <ul>
        {ITEMS.map((item) => {
          const current = (item.screens as readonly string[]).includes(route.screen);
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={current ? 'page' : undefined} title={`g then ${item.key}`}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
