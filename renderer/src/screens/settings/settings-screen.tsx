import { WebhooksSection } from './webhooks-section';

/** Settings: one section per capability (webhooks here; alert kinds and retention join it). */
export function SettingsScreen() {
  return (
    <>
      <div className="screen-header">
        <h2>Settings</h2>
      </div>
      <WebhooksSection />
    </>
  );
}
