import { useCallback, useEffect, useState } from 'react';
import type { CallInput } from '../../../../shared/contract/calls';
import { ErrorState, Loading } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { call, useEvent } from '../../transport/api';
import { SETTINGS_SECTIONS, type SettingsSection } from './settings-sections';
import './settings.css';

const anchorId = (section: SettingsSection) => `settings-section-${section.id}`;

/** Scrolls a section to the top and moves the focus there, so the keyboard goes on from it. */
function jumpTo(section: SettingsSection) {
  const target = document.getElementById(anchorId(section));
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}

/** How far under the top of the scrolling screen a section's top may be and still count as the one being read. */
const READING_LINE_PX = 48;

/**
 * The section being read: the last one whose top has passed the top of the screen (or the last of all, once the
 * screen is scrolled to its end, as the final sections may be too short to reach the top).
 */
function useSectionInView(): string {
  const [current, setCurrent] = useState(SETTINGS_SECTIONS[0]!.id);
  useEffect(() => {
    const scroller = document.getElementById('main');
    if (!scroller) return;
    const update = () => {
      const top = scroller.getBoundingClientRect().top + READING_LINE_PX;
      const atEnd =
        scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      let found = SETTINGS_SECTIONS[0]!.id;
      for (const section of SETTINGS_SECTIONS) {
        const element = document.getElementById(anchorId(section));
        if (element && element.getBoundingClientRect().top <= top) found = section.id;
      }
      setCurrent(atEnd ? SETTINGS_SECTIONS[SETTINGS_SECTIONS.length - 1]!.id : found);
    };
    scroller.addEventListener('scroll', update, { passive: true });
    return () => scroller.removeEventListener('scroll', update);
  }, []);
  return current;
}

/** The list of sections, beside them on a wide window and above them on a narrow one. */
function SettingsContents() {
  const current = useSectionInView();
  return (
    <nav className="settings-toc" aria-label="Settings sections">
      <p className="settings-toc-title" aria-hidden="true">
        On this page
      </p>
      <ul>
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section.id}>
            <button
              type="button"
              aria-current={section.id === current ? 'location' : undefined}
              onClick={() => jumpTo(section)}
            >
              {section.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Settings: one section per capability, in the order of SETTINGS_SECTIONS, with a table of contents. */
export function SettingsScreen() {
  const { data, reload, refresh } = useCallResult(() => call('settings/get', {}), []);
  useEvent('app/external-change', refresh);
  // Saved here, in another window, by the CLI or REST: every section shows what is stored.
  useEvent('settings/changed', refresh);
  const save = useCallback(
    async (change: CallInput<'settings/update'>) => {
      const result = await call('settings/update', change);
      if (result.ok) refresh();
      return result;
    },
    [refresh],
  );
  const firstUsingSettings = SETTINGS_SECTIONS.find((s) => s.usesSettings);

  const render = (section: SettingsSection) => {
    if (!section.usesSettings) return <section.component />;
    if (data.state === 'ready') return <section.component settings={data.value} save={save} />;
    // A card of the section's size-to-be holds its place, so nothing jumps when the settings arrive.
    return (
      <div className="card settings-section" aria-busy={data.state === 'loading'}>
        <h3>{section.title}</h3>
        {data.state === 'loading' && <Loading what="settings" />}
        {data.state === 'error' &&
          (section === firstUsingSettings ? (
            <ErrorState error={data.error} onRetry={reload} />
          ) : (
            <p className="muted">Not loaded: see above.</p>
          ))}
      </div>
    );
  };

  return (
    <>
      <div className="screen-header">
        <h2>Settings</h2>
      </div>
      <div className="settings-layout">
        <SettingsContents />
        <div className="settings-sections">
          {SETTINGS_SECTIONS.map((section) => (
            <div key={section.id} id={anchorId(section)} className="settings-anchor" tabIndex={-1}>
              {render(section)}
            </div>
          ))}
        </div>
      </div>
    </>
  );
}
