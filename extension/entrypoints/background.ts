import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerContentScript } from '../utils/background-handlers.ts';
import { flushQueue } from '../utils/queue.ts';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own content scripts and pages may ask; a web page cannot reach this listener.
    if (sender.id !== browser.runtime.id) return false;
    void answerContentScript(message).then(sendResponse);
    return true;
  });
  // The offline queue: try again every minute and whenever the browser starts.
  browser.alarms.create('nastavnik:flush-queue', { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'nastavnik:flush-queue') void flushQueue();
  });
  browser.runtime.onStartup.addListener(() => void flushQueue());
});
