import type { ChatClient } from '../../sdk';
import { UserPicker } from './user-picker';

/** Start (or reopen) a DM with someone found by name. */
export function NewDirect({ client, onOpen }: { client: ChatClient; onOpen: (roomId: string) => void }) {
  return (
    <section class="panel" aria-label="New direct message">
      <UserPicker client={client} label="Find a person by name" action="Message" onPick={async (u) => onOpen((await client.actions.openDirect(u.id)).id)} />
    </section>
  );
}
