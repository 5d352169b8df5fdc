// `pnpm start`: composes a few messages and prints the JSON bodies the API receives.
import { msg, validate } from "@wacompose/builder";

const customer = "+16505551234";
const incoming = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";

const showcase = {
  text: msg.to(customer).text("Your order #42 shipped: https://example.com/track/42", { previewUrl: true }).callbackData("order-42"),
  reply: msg.to(customer).text("Thanks, we got your photo!").replyTo(incoming),
  reaction: msg.to(customer).react(incoming, "👍🏽"),
  image: msg.to(customer).image({ link: "https://example.com/receipt.png" }, { caption: "Your receipt" }),
  document: msg.to(customer).document({ id: "1013859600285441" }, { filename: "invoice-42.pdf", caption: "Invoice" }),
  location: msg
    .to(customer)
    .location({ latitude: 37.4847, longitude: -122.1477, name: "Philz Coffee", address: "101 Forest Ave, Palo Alto" }),
  contacts: msg
    .to(customer)
    .contacts((c) =>
      c.contact((p) =>
        p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+16505550000", { type: "WORK", waId: "16505550000" }),
      ),
    ),
  markRead: msg.markRead(incoming).typing(),
};

for (const [name, builder] of Object.entries(showcase)) {
  console.log(`\n# ${name}`);
  console.log(JSON.stringify(builder.build(), null, 2));
}

// Bad input gets every issue at once, each with its path.
const tooLong: string = "x".repeat(4097);
const result = msg.to("not-a-number").text(tooLong).safeBuild();
console.log("\n# an invalid message");
if (!result.ok) for (const issue of result.issues) console.log(`${issue.path}: ${issue.message}`);
console.log("\n# validate() works on any JSON too");
console.log(validate({ messaging_product: "whatsapp", to: customer, type: "image", image: { id: "1", link: "https://x.y/a.png" } }));
