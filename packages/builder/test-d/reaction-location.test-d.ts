import { type LocationMessage, msg, type ReactionMessage } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

const to = "16505551234";

expectType<Equal<ReturnType<ReturnType<ReturnType<typeof msg.to>["react"]>["build"]>, ReactionMessage>>(true);
msg.to(to).react("wamid.1", "👍🏽");
// @ts-expect-error the emoji is required ("" removes a reaction)
msg.to(to).react("wamid.1");

expectType<Equal<ReturnType<ReturnType<ReturnType<typeof msg.to>["location"]>["build"]>, LocationMessage>>(true);
msg.to(to).location({ latitude: 37.48, longitude: -122.14 });
// @ts-expect-error latitude and longitude are numbers in messages
msg.to(to).location({ latitude: "37.48", longitude: "-122.14" });
// @ts-expect-error longitude is required
msg.to(to).location({ latitude: 37.48 });
