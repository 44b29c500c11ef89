import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { AcceptedMessage, AcceptedMessages } from './accepted-messages';
import { DeliveryKind } from './delivery-kind';
import { MessageDelivery, Sender } from './message-delivery';
import type { SendAck } from './message-pipeline.service';
import { UnsavedAcrossNodes } from './unsaved-across-nodes';

type Prior = Pick<AcceptedMessage, 'seq' | 'saved'>;

/** The pipeline's answers to a tempId accepted before (DESIGN.md 5: never broadcast twice). */
@Injectable()
export class ResendAnswers {
  constructor(
    private readonly accepted: AcceptedMessages,
    private readonly unsaved: UnsavedAcrossNodes,
    private readonly delivery: MessageDelivery,
  ) {}

  /** No second broadcast: the original seq, and Confirmed again if saved. */
  answer(kind: DeliveryKind, sender: Sender, tempId: string, prior: Prior): SendAck {
    if (prior.saved) this.delivery.resent(kind, prior.saved, sender);
    return { success: true, tempId, _id: prior.saved?._id ?? tempId, seq: prior.seq, duplicate: true };
  }

  /**
   * A tempId the cluster took (under `seq`) that this node does not know: unsaved on a node (then
   * answered with its seq), or saved (Confirmed again); else an orphan, whose node died before
   * saving it or whose claim's answer was lost: undefined, and it is saved under its own
   * position. Nodes are asked before the store, so a save in between is found by the store read.
   * A node that did not answer may hold it: SERVER.BUSY, never a second acceptance.
   */
  async elsewhere(roomId: string, senderId: string, tempId: string, seq: number): Promise<Prior | undefined> {
    const held = await this.unsaved.holds(roomId, seq);
    if (held) return { seq };
    const stored = await this.accepted.stored(roomId, senderId, tempId);
    if (stored || held === false) return stored;
    throw new AppError('SERVER.BUSY', 'a node that may hold this message did not answer; retry shortly', { retryAfterMs: 1000 });
  }
}
