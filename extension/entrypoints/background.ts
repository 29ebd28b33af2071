import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answer, tickets } from '../utils/background-handlers.ts';
import { syncJournalHostScripts } from '../utils/journal-hosts.ts';
import { flushQueue } from '../utils/queue.ts';
import { journalHostsItem } from '../utils/storage.ts';

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
  // The offline queue: try again every minute and whenever the browser starts.
  browser.alarms.create('nastavnik:flush-queue', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'nastavnik:flush-queue') void flushQueue();
  });
  browser.runtime.onStartup.addListener(() => void flushQueue());
  // The school's own e-journal hosts: the generic script follows the list and the browser's grants.
  journalHostsItem.watch(() => void syncJournalHostScripts());
  browser.permissions.onAdded.addListener(() => void syncJournalHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncJournalHostScripts());
  browser.runtime.onInstalled.addListener(() => void syncJournalHostScripts());
});
