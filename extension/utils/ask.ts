// A content script asks the background; a refusal comes back as the same ApiError the popup sees.
import { browser } from 'wxt/browser';
import { ApiError, OfflineError } from './api-errors.ts';
import type { Replies, Reply, Request } from './messages.ts';

export async function ask<R extends Request>(request: R): Promise<Replies[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Replies[R['type']]> | undefined;
  if (!reply) throw new OfflineError('no answer from the extension');
  if (reply.ok) return reply.value;
  if (reply.plain) throw new Error(reply.message);
  if (reply.status === 0) throw new OfflineError(reply.message);
  throw reply.body ? new ApiError(reply.status, reply.body) : Object.assign(new ApiError(reply.status, null), { message: reply.message });
}
