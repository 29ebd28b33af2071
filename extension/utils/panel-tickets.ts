// Which panel each tab shows, kept by the background. A content script asks for a panel after a
// real click (its badge or launcher); the first of our frames in that tab to ask what to show takes
// the ticket, and from then on only that frame gets it and may write. A frame the host page makes
// itself (it can read our frame's URL) finds the ticket taken and shows nothing.
import type { PanelRequest } from './messages.ts';
import type { Sender } from './senders.ts';

export interface PanelTicket {
  request: PanelRequest;
  openedAt: number;
  /** The frame that took the ticket (its documentId, or frameId where the browser gives none). */
  frame: string | null;
}

export type PanelTickets = Record<string, PanelTicket>;

/** Where the tickets live (session storage in the background; a variable in tests). */
export interface TicketStore {
  getValue(): Promise<PanelTickets>;
  setValue(value: PanelTickets): Promise<void>;
}

/** A ticket no frame took within this time is void (the frame failed to load, or the page removed it). */
export const ticketTtlMs = 15_000;

function frameOf(sender: Sender): string | null {
  if (sender.documentId) return sender.documentId;
  return sender.frameId !== undefined && sender.frameId !== 0 ? `frame:${sender.frameId}` : null;
}

export function panelTickets(store: TicketStore, now: () => number = Date.now) {
  // One change at a time: two frames asking at once must not both take the ticket.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    /** A content script in `tabId` asks for a panel: any earlier one in the tab is replaced. */
    open: (tabId: number, request: PanelRequest): Promise<void> =>
      serial(async () => {
        const tickets = await store.getValue();
        await store.setValue({ ...tickets, [tabId]: { request, openedAt: now(), frame: null } });
      }),
    close: (tabId: number): Promise<void> =>
      serial(async () => {
        const tickets = await store.getValue();
        if (!(tabId in tickets)) return;
        const { [tabId]: _closed, ...rest } = tickets;
        await store.setValue(rest);
      }),
    /** What the asking frame shows: its tab's panel, if the frame took the ticket (or takes it now). */
    take: (sender: Sender): Promise<PanelRequest | null> =>
      serial(async () => {
        const tabId = sender.tab?.id;
        const frame = frameOf(sender);
        if (tabId === undefined || !frame) return null;
        const tickets = await store.getValue();
        const ticket = tickets[tabId];
        if (!ticket) return null;
        if (ticket.frame === frame) return ticket.request;
        if (ticket.frame !== null || now() - ticket.openedAt > ticketTtlMs) return null;
        await store.setValue({ ...tickets, [tabId]: { ...ticket, frame } });
        return ticket.request;
      }),
    /** Whether this frame holds its tab's ticket: the only framed page that may read programme data or write. */
    async holds(sender: Sender): Promise<boolean> {
      const tabId = sender.tab?.id;
      const frame = frameOf(sender);
      if (tabId === undefined || !frame) return false;
      const ticket = (await store.getValue())[tabId];
      return ticket?.frame === frame;
    },
  };
}
