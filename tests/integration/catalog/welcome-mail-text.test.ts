import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queueWelcomeMail } from "@/server/services/queue-welcome-mail";
import { resetDatabase } from "@/tests/db";
import { seedCatalog } from "@/tests/factories/catalog-factory";
import { createClientWithOrder } from "@/tests/factories/order-factory";

describe("welcome e-mail text per product", () => {
  beforeEach(resetDatabase);

  it("adds the product's welcome text (escaped in HTML) to the welcome mail, and nothing when it is empty", async () => {
    const { starterId, businessId } = await seedCatalog();
    await db.product.update({ where: { id: starterId }, data: { welcomeEmailText: "Log in at https://panel.example.test <with your e-mail>." } });
    const { placed } = await createClientWithOrder({ items: [{ productId: starterId, cycle: "MONTHLY" }, { productId: businessId, cycle: "MONTHLY" }] });
    const services = await db.service.findMany({ where: { clientId: placed.clientId }, select: { id: true, productId: true } });
    for (const service of services) await queueWelcomeMail({ serviceId: service.id, now: new Date() });

    const mailOf = (productId: string) => db.outboxMail.findFirstOrThrow({ where: { dedupeKey: `welcome:${services.find((service) => service.productId === productId)!.id}` } });
    const starter = await mailOf(starterId);
    expect(starter.text).toContain("Log in at https://panel.example.test <with your e-mail>.");
    expect(starter.html).toContain("Log in at https://panel.example.test &lt;with your e-mail&gt;.");
    expect((await mailOf(businessId)).text).not.toContain("Log in at");
  });
});
