import { describe, expect, it } from "vitest";
import { channelsFor, NotificationPreferences, typeOfKind, typesFor, wants } from "@/lib/notifications/types";

describe("notification types and channels", () => {
  it("maps stored kinds to the types people choose channels for", () => {
    expect(typeOfKind("lead.assigned")).toBe("assigned");
    expect(typeOfKind("conversation.assigned")).toBe("assigned");
    expect(typeOfKind("conversation.handoff")).toBe("buyer.waiting");
    expect(typeOfKind("something.else")).toBeNull();
  });

  it("offers managers every type and other staff the ones about their own work", () => {
    expect(typesFor(true)).toContain("ai.budget");
    expect(typesFor(false)).toEqual(["assigned", "buyer.waiting", "visit.booked", "follow_up.due"]);
  });

  it("uses defaults until a person chooses, and never an unavailable channel", () => {
    const none = NotificationPreferences.parse({});
    expect(channelsFor(none, "buyer.waiting")).toEqual(["dashboard", "whatsapp"]);
    expect(channelsFor(none, "lead.new")).toEqual(["dashboard"]);
    const chosen = NotificationPreferences.parse({
      "buyer.waiting": ["whatsapp", "email", "pigeon"],
      "whatsapp.failing": ["whatsapp", "dashboard"],
      nonsense: ["dashboard"],
    });
    expect(channelsFor(chosen, "buyer.waiting")).toEqual(["whatsapp"]);
    expect(wants(chosen, "buyer.waiting", "dashboard")).toBe(false);
    expect(channelsFor(chosen, "whatsapp.failing")).toEqual(["dashboard"]);
    expect(NotificationPreferences.parse("garbage")).toEqual({});
  });
});
