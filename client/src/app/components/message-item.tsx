import type { ChatClient, ChatMessage } from '../../sdk';

const TITLES = { pending: 'Sending…', confirmed: 'Saved', failed: 'Not sent', timeout: 'No answer yet: it will be resent when the connection is back' };
const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** One message; mine carry their state (clock, check, failed + retry, timeout warning). */
export function MessageItem({ client, message, mine }: { client: ChatClient; message: ChatMessage; mine: boolean }) {
  return (
    <li data-testid="message" data-seq={message.seq} data-temp-id={message.tempId} class={`msg ${mine ? 'mine' : ''} ${message.state}`}>
      {!mine && <span class="sender">{message.sender.username}</span>}
      <p class="body">{message.body}</p>
      <span class="meta">
        <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
        {mine && (
          <span data-testid="message-status" class={`status ${message.state}`} title={message.error?.message ?? TITLES[message.state]}>
            {message.state}
          </span>
        )}
        {mine && (message.state === 'failed' || message.state === 'timeout') && (
          <button data-testid="retry" class="small" onClick={() => client.retry(message.roomId, message.tempId)}>Retry</button>
        )}
      </span>
    </li>
  );
}
