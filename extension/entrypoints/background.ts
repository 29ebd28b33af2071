import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answer, tickets } from '../utils/background-handlers.ts';
import { syncJournalHostScripts } from '../utils/journal-hosts.ts';
import { flushQueue, retryAlarm, showQueuedCount } from '../utils/queue.ts';
import { checkReminders, openReminder, reminderAlarm } from '../utils/reminders.ts';
import { journalHostsItem } from '../utils/storage.ts';

async function ensureAlarm(name: string, schedule: { delayInMinutes?: number; periodInMinutes: number }): Promise<void> {
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, schedule);
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts and pages may ask (web pages cannot message us at all: no
    // externally_connectable); `answer` checks which of them may ask what.
    if (sender.id !== browser.runtime.id) return false;
    void answer(message, sender).then(sendResponse);
    return true;
  });
  // A tab that goes away takes its panel with it.
  browser.tabs.onRemoved.addListener((tabId) => void tickets.close(tabId));
  // The queue: every minute (the backoff decides whether to try), when the network returns (at
  // once), whenever the browser starts; the count is on the icon from the first moment.
  // Reminders: checked hourly, shown only between 8:00 and 20:00 (utils/reminders.ts). Created only
  // when missing: the service worker starts again and again, and re-creating would push them back each time.
  void ensureAlarm(retryAlarm, { periodInMinutes: 1 });
  void ensureAlarm(reminderAlarm, { delayInMinutes: 1, periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === retryAlarm) void flushQueue();
    if (alarm.name === reminderAlarm) void checkReminders().catch((error) => console.warn('[nastavnik] reminders:', error));
  });
  globalThis.addEventListener?.('online', () => void flushQueue({ force: true }));
  browser.runtime.onStartup.addListener(() => void flushQueue());
  void showQueuedCount();
  browser.notifications.onClicked.addListener((id) => void openReminder(id));
  // The school's own e-journal hosts: the generic script follows the list and the browser's grants.
  journalHostsItem.watch(() => void syncJournalHostScripts());
  browser.permissions.onAdded.addListener(() => void syncJournalHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncJournalHostScripts());
  browser.runtime.onInstalled.addListener(() => void syncJournalHostScripts());
});
