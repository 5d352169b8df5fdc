export type { Rate } from "./gate.js";
export {
  createWhatsAppQueue,
  type EnqueueOptions,
  type QueueEvents,
  type WhatsAppQueue,
  type WhatsAppQueueOptions,
  type WorkerOptions,
  type Workers,
} from "./queue.js";
