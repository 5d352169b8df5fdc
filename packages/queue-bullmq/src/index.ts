export type { Rate } from "./gate.js";
export {
  createInboundQueue,
  type EventAsText,
  type ExhaustedEvent,
  type InboundQueue,
  type InboundQueueEvents,
  type InboundQueueOptions,
} from "./inbound.js";
export {
  createWhatsAppQueue,
  type EnqueueOptions,
  type QueueEvents,
  type WhatsAppQueue,
  type WhatsAppQueueOptions,
  type WorkerOptions,
  type Workers,
} from "./queue.js";
