// One message of each common kind the builder supports (not every interactive type), for the demo and the docs.
import { msg } from "@wacompose/builder";

const media = "https://example.com/media";
const incoming = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";

export function showcase(to: string) {
  const customer = msg.to(to);
  return {
    text: customer.text("Your order #42 shipped: https://example.com/track/42", { previewUrl: true }).callbackData("order-42"),
    reply: customer.text("Thanks, we got your photo!").replyTo(incoming),
    reaction: customer.react(incoming, "👍🏽"),
    image: customer.image({ link: `${media}/receipt.png` }, { caption: "Your receipt" }),
    video: customer.video({ link: `${media}/unboxing.mp4` }, { caption: "How to unbox it" }),
    audio: customer.audio({ link: `${media}/welcome.ogg` }),
    document: customer.document({ link: `${media}/invoice-42.pdf` }, { filename: "invoice-42.pdf", caption: "Invoice" }),
    sticker: customer.sticker({ link: `${media}/thanks.webp` }),
    location: customer.location({ latitude: 37.4847, longitude: -122.1477, name: "Philz Coffee", address: "101 Forest Ave, Palo Alto" }),
    contacts: customer.contacts((c) =>
      c.contact((p) =>
        p
          .name({ formattedName: "Ana Diaz", firstName: "Ana", lastName: "Diaz" })
          .phone("+16505550000", { type: "WORK", waId: "16505550000" }),
      ),
    ),
    buttons: customer
      .buttons("When should we deliver?")
      .header("Delivery slot")
      .footer("Reply below")
      .reply("am", "Morning")
      .reply("pm", "Afternoon"),
    list: customer
      .list("What would you like for lunch?", "View menu")
      .section("Mains", (s) => s.row("burger", "Burger", "With fries").row("salad", "Salad"))
      .section("Drinks", (s) => s.row("cola", "Cola")),
    flow: customer.flow("Book a table in a few taps.", { flowId: "1234567890", cta: "Book now", screen: "START", data: { guests: 2 } }),
    ctaUrl: customer.ctaUrl("Your order is on its way.", { text: "Track order", url: "https://example.com/track/42" }),
    product: customer.product({ catalogId: "367025965434465", productRetailerId: "sku-shoes-42" }, "Back in stock!"),
    productList: customer
      .productList({ header: "Our picks", body: "Hand-picked for you", catalogId: "367025965434465" })
      .section("Shoes", ["sku-shoes-42", "sku-shoes-43"])
      .section("Hats", ["sku-hat-1"]),
    catalog: customer.catalog("Browse our new season.", { thumbnailProductRetailerId: "sku-shoes-42" }),
    locationRequest: customer.locationRequest("Where should we deliver your order?"),
    template: customer
      .template("order_update")
      .language("en_US")
      .header((p) => p.image({ link: `${media}/receipt.png` }))
      // As packages/cli/fixtures/message_templates.json defines it (pnpm start's emulator holds the send to it).
      .body((p) =>
        p.text("Ana").text("#42").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }).dateTime({ fallback: "November 26" }),
      )
      .quickReply(0, "STOP")
      .urlButton(1, "track/42"),
  };
}

export { incoming };
