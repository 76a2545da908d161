import type { MessageName, Req, Res } from '../../shared/protocol.ts';
import { SiftError } from '../../shared/errors.ts';
import { BOOT_ID } from './boot.ts';
import { saveAllTabs } from './all-tabs.ts';
import { controlQueue, enqueue, queueStatus, type QueueAction } from './service.ts';

type CaptureName = 'queue.add' | 'queue.status' | 'queue.control' | 'capture.allTabs';
type CaptureHandlers = { [N in CaptureName & MessageName]: (req: Req<N>) => Promise<Res<N>> };

const ACTIONS: readonly QueueAction[] = ['pause', 'resume', 'cancel', 'retry-failed'];
/** One message's worth: a page sends a larger import in several. */
const MAX_ITEMS_PER_MESSAGE = 5000;

export const captureHandlers: CaptureHandlers = {
  'queue.add': ({ items, importedFrom }) => {
    if (!Array.isArray(items)) throw new SiftError('bad-request', 'items must be an array');
    if (items.length > MAX_ITEMS_PER_MESSAGE) throw new SiftError('bad-request', `At most ${MAX_ITEMS_PER_MESSAGE} items a message.`);
    return enqueue(BOOT_ID, items, 'import', typeof importedFrom === 'string' ? importedFrom.slice(0, 40) : undefined).then(({ added, refused, batch }) => ({ added, refused, batch }));
  },
  'queue.status': () => queueStatus(BOOT_ID),
  'queue.control': ({ action }) => {
    if (!ACTIONS.includes(action)) throw new SiftError('bad-request', 'Unknown queue action.');
    return controlQueue(BOOT_ID, action);
  },
  'capture.allTabs': ({ windowId }) => saveAllTabs(typeof windowId === 'number' ? windowId : undefined),
};
