import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '../features/overlay.ts';
import { googleClassroom } from '../sites/google-classroom.ts';

export default defineContentScript({
  matches: ['https://classroom.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runOverlay(ctx, googleClassroom);
  },
});
