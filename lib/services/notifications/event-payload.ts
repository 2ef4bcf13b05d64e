// The payload a subscriber receives: the event's zod output.
import type { z } from "zod";
import type { EventDefinition } from "@/lib/core/queue/define";

export type EventPayload<E> = E extends EventDefinition<infer S> ? z.output<S> : never;
