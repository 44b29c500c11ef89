import { useState } from 'preact/hooks';
import type { ChatClient } from '../../sdk';

/** Enter sends, Shift+Enter breaks the line; keystrokes become (throttled) typing signals. */
export function Composer({ client, roomId }: { client: ChatClient; roomId: string }) {
  const [body, setBody] = useState('');
  const send = () => {
    if (!body.trim()) return;
    client.send(roomId, body.trim());
    setBody('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };
  const onInput = (e: Event) => {
    setBody((e.target as HTMLTextAreaElement).value);
    client.typing.keystroke(roomId);
  };
  return (
    <form class="composer" onSubmit={(e) => (e.preventDefault(), send())}>
      <textarea data-testid="composer" aria-label="Message" rows={1} maxLength={4000} placeholder="Write a message" value={body} onInput={onInput} onKeyDown={onKeyDown} />
      <button data-testid="send" type="submit" disabled={!body.trim()}>Send</button>
    </form>
  );
}
