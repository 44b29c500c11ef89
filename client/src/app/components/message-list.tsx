import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatClient } from '../../sdk';
import { MessageItem } from './message-item';

const PAGE = 50;

/**
 * A window on the room's messages: the last `count` are rendered, older pages are fetched
 * (`before=`) only when scrolled to the top, and the window shrinks back at the bottom, so a
 * room of thousands of messages never loads or renders them all.
 */
export function MessageList({ client, roomId }: { client: ChatClient; roomId: string }) {
  const messages = client.messages(roomId);
  const store = client.rooms.store(roomId);
  const [count, setCount] = useState(PAGE);
  const loading = useRef(false);
  const list = useRef<HTMLOListElement>(null);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const atBottom = useRef(true);

  const older = async () => {
    const el = list.current;
    if (loading.current || !el) return;
    if (count >= messages.length && !store.hasOlder) return;
    loading.current = true;
    anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    if (count >= messages.length) await client.loadOlder(roomId, PAGE).catch(() => undefined);
    setCount((n) => n + PAGE);
    loading.current = false;
  };
  useEffect(() => {
    if (messages.length < PAGE && store.hasOlder) void older();
  }, [roomId]);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    if (anchor.current) el.scrollTop = anchor.current.top + (el.scrollHeight - anchor.current.height);
    else if (atBottom.current) el.scrollTop = el.scrollHeight;
    anchor.current = null;
  });
  const onScroll = () => {
    const el = list.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (atBottom.current && count > PAGE) setCount(PAGE);
    if (el.scrollTop < 64) void older();
  };
  const shown = messages.slice(Math.max(0, messages.length - count));
  return (
    <ol ref={list} class="messages" onScroll={onScroll} aria-label="Messages">
      {(store.hasOlder || shown.length < messages.length) && <li class="hint older">Scroll up for older messages</li>}
      {shown.map((m) => <MessageItem key={`${m.sender.id}/${m.tempId}`} client={client} message={m} mine={m.sender.id === client.me.id} />)}
    </ol>
  );
}
