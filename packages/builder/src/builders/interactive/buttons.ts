import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { ButtonInteractive, InteractiveMessage } from "../../wire/index.js";
import { addressingKey } from "../message-base.js";
import { partsKey, stateKey, WithMediaHeader } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

type MaxButtons = typeof limits.buttons.max;
type ReplyId<Id extends string> = MaxLength<Id, typeof limits.buttons.id.max, "interactive.action.buttons.reply.id">;
type ReplyTitle<T extends string> = MaxLength<T, typeof limits.buttons.title.max, "interactive.action.buttons.reply.title">;

/** A reply id, or the error once there are 3 buttons (the error shows on the id argument). */
type ReplyIdArg<Buttons extends readonly unknown[], Id extends string> = Buttons["length"] extends MaxButtons
  ? `interactive.action.buttons: at most ${MaxButtons} reply buttons`
  : ReplyId<Id>;

declare const buttonCount: unique symbol;

/** One reply button and the ones added before it: a step links one, copying no array. */
interface Reply {
  readonly previous: Reply | undefined;
  readonly id: string;
  readonly title: string;
}

/**
 * Reply buttons: a body, 1 to 3 `.reply(id, title)` buttons, and an optional text or media
 * header and footer. A 4th `.reply()` and a `.build()` without buttons are compile errors;
 * validate() checks them at runtime too, and also that ids and titles are unique. (Unique
 * literal ids at compile time were measured and dropped: tracking each id in the builder's
 * type tripled the type-check cost of button messages.)
 *
 * @example
 * msg.to(n).buttons("Pick a slot").header("Tomorrow").reply("am", "Morning").reply("pm", "Afternoon").build();
 */
export class ButtonsBuilder<Buttons extends readonly unknown[] = []> extends WithMediaHeader<ButtonInteractive, Reply | undefined> {
  declare readonly [buttonCount]: Buttons;

  /** A reply button: `id` comes back in the `button_reply` webhook; `title` is its label (at most 20 characters). */
  reply<Id extends string, Title extends string>(
    id: ReplyIdArg<Buttons, Id>,
    title: ReplyTitle<Title>,
  ): ButtonsBuilder<[...Buttons, unknown]> {
    return new ButtonsBuilder<[...Buttons, unknown]>(this[addressingKey], this.rules, this[partsKey], {
      previous: this[stateKey],
      id,
      title,
    });
  }

  /** Returns the body, or throws `PayloadError`; needs at least one reply button. */
  override build(
    this: Buttons extends [] ? "interactive.action.buttons: at least 1 reply button; add one with .reply(id, title)" : unknown,
  ): InteractiveMessage<ButtonInteractive>;
  override build(): InteractiveMessage<ButtonInteractive> {
    return super.build();
  }

  protected render(): ButtonInteractive {
    // Counted first, then filled from the end: one array of the right size (pushing grew one several times larger).
    let count = 0;
    for (let reply = this[stateKey]; reply !== undefined; reply = reply.previous) count++;
    const buttons = new Array<ButtonInteractive["action"]["buttons"][number]>(count);
    for (let reply = this[stateKey]; reply !== undefined; reply = reply.previous) {
      buttons[--count] = { type: "reply", reply: { id: reply.id, title: reply.title } };
    }
    return renderInteractive<ButtonInteractive>("button", this[partsKey], { buttons });
  }
}
