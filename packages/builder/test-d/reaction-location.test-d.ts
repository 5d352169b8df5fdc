import { type LocationMessage, msg, type ReactionMessage } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

const to = "16505551234";

expectType<Equal<ReturnType<ReturnType<ReturnType<typeof msg.to>["react"]>["build"]>, ReactionMessage>>(true);
msg.to(to).react("wamid.1", "👍🏽");
// the emoji is required ("" removes a reaction)
// @ts-expect-error Expected 2 arguments, but got 1.
msg.to(to).react("wamid.1");

expectType<Equal<ReturnType<ReturnType<ReturnType<typeof msg.to>["location"]>["build"]>, LocationMessage>>(true);
msg.to(to).location({ latitude: 37.48, longitude: -122.14 });
// latitude and longitude are numbers in messages
// @ts-expect-error Type 'string' is not assignable to type 'number'.
msg.to(to).location({ latitude: "37.48", longitude: "-122.14" });
// @ts-expect-error Property 'longitude' is missing in type '{ latitude: number; }'
msg.to(to).location({ latitude: 37.48 });
