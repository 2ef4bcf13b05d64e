// The newcomer's WhatsApp demo in a real browser at phone size: the demo owner chats as a buyer in
// the offline simulator (signed webhooks into the real endpoint, replies through the local Graph
// API stand-in), then takes the conversation over in the inbox and replies; ticks move.
// The server under test must run in offline WhatsApp mode: `npm start` does that by itself; for the
// e2e server, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, ENCRYPTION_KEY and
// WHATSAPP_GRAPH_API_URL=<E2E base>/api/graph-sim must be in the environment of global setup.
import { describe, expect, it } from "vitest";
import { baseUrl, phonePage, screenshot } from "../support/browser";
import { browserForFile, signInToDashboard } from "./support/session";

const POLL = { timeout: 60_000, interval: 500 };

const browser = browserForFile();

describe("WhatsApp simulator and inbox at phone size", () => {
  it("answers a buyer in the simulator with a car, a Rupiah price and a catalog link; staff take over and reply with ticks", async () => {
    const page = await phonePage(browser());
    await signInToDashboard(page, "owner@mobilindo.demo");
    await page.goto(`${baseUrl()}/dashboard/simulator`);
    expect(
      await page.getByTestId("sim-problem").count(),
      "the e2e server is not in offline WhatsApp mode (see the top of this file)",
    ).toBe(0);
    await expect
      .poll(() => page.getByTestId("showroom-number").textContent(), POLL)
      .toContain("+6281111000001");

    await page
      .getByLabel("Ketik pesan, mis. ada avanza matic budget 200 juta?")
      .fill("ada avanza matic budget 200 juta?");
    await page.getByRole("button", { name: "Kirim" }).click();
    const answer = page
      .locator('[data-testid="sim-thread"] [data-testid="message"][data-direction="outbound"]')
      .first();
    await expect.poll(() => answer.count(), POLL).toBe(1);
    const text = (await answer.textContent()) ?? "";
    expect(text).toContain("Rp ");
    // The showroom's catalog link: /mobilindo-jaya/... or its own domain when another test gave it one.
    expect(text).toMatch(/(\/mobilindo-jaya|mobilindojaya\.test)\/vehicles\/[a-z0-9-]+/);
    expect(text).toMatch(/Toyota|Daihatsu|Honda|Suzuki|Mitsubishi|Avanza/);
    // The stand-in reports sent, delivered and read back through signed webhooks.
    await expect.poll(() => answer.getByTestId("ticks").getAttribute("data-status"), POLL).toBe("read");
    await screenshot(page, "whatsapp-simulator-390");

    await page.goto(`${baseUrl()}/dashboard/inbox`);
    const row = page.locator('[data-testid="conversation-row"][data-number="6281234567890"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    await screenshot(page, "whatsapp-inbox-390");
    await row.click();
    await page.waitForURL(/\/dashboard\/inbox\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Ambil alih" }).click();
    await expect.poll(() => page.getByTestId("thread-mode").textContent(), POLL).toBe("Sales");
    await expect.poll(() => page.getByTestId("thread-assignee").textContent(), POLL).toBe("Hendra Wijaya");

    await page.getByLabel("Balasan").fill("Halo kak, saya Hendra. Avanza-nya bisa dilihat besok jam 10?");
    await page.getByRole("button", { name: "Kirim", exact: true }).click();
    const reply = page.locator('[data-testid="thread"] [data-testid="message"][data-sender="staff"]');
    await expect.poll(() => reply.count(), POLL).toBe(1);
    await expect.poll(() => reply.getByTestId("ticks").getAttribute("data-status"), POLL).toBe("read");
    expect(await reply.textContent()).toContain("Hendra Wijaya");
    await screenshot(page, "whatsapp-thread-390");
    await page.close();
    // Three round trips through the queue, the assistant and the stand-in: slow on a busy machine.
  }, 300_000);
});
