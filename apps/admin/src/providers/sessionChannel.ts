/**
 * The back office's tabs tell each other that the sign-in is over, so that every open tab goes to the login
 * page at once instead of finding out by a refused request of its own.
 */
const channelName = 'aqtalu.session';

interface SessionMessage {
  type: 'signed-out';
}

let channel: BroadcastChannel | null | undefined;

function sessionChannel(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
  return channel;
}

/** Tells the other tabs that this sign-in ended (refused refresh, sign-out). */
export function announceSignedOut(): void {
  sessionChannel()?.postMessage({ type: 'signed-out' } satisfies SessionMessage);
}

/**
 * Calls `listener` when a tab, this one included, says the sign-in ended; answers the unsubscribe. The
 * listener has a channel of its own: a BroadcastChannel object does not hear what it posts itself.
 */
export function onSignedOut(listener: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const listening = new BroadcastChannel(channelName);
  listening.onmessage = (event: MessageEvent<SessionMessage>) => {
    if (event.data?.type === 'signed-out') listener();
  };
  return () => listening.close();
}

/** Closes this tab's sending channel (tests, which start many "tabs" in one process). */
export function closeSessionChannel(): void {
  channel?.close();
  channel = undefined;
}
