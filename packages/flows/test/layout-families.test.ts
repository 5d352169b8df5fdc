import { describe, expect, test } from "@jest/globals";
import { LayoutBuilder } from "../src/builder/layout.js";

// The text, labelled-input and choice methods share one implementation per family: each must still
// write its own component type with the properties of its call, and stay a method of the prototype
// (not an own, enumerable member of each frozen builder).

const options = [{ id: "a", title: "A" }] as const;
const twoOptions = [
  { id: "a", title: "A" },
  { id: "b", title: "B" },
] as const;

describe("LayoutBuilder method families", () => {
  test("each method writes its component's type, in camelCase options' kebab-case wire form", () => {
    const children = new LayoutBuilder<never, never, [], false, never>()
      .heading("H", { visible: false })
      .subheading("S")
      .body("B", { fontWeight: "bold" })
      .caption("C")
      .textInput("first", "First", { inputType: "email" })
      .textArea("notes", "Notes", { maxLength: 200 })
      .checkboxGroup("extras", "Extras", options, { minSelectedItems: 1 })
      .radioButtons("size", "Size", options)
      .dropdown("city", "City", options)
      .chipsSelector("tags", "Tags", twoOptions, { maxSelectedItems: 2 })
      .datePicker("day", "Day")
      .calendarPicker("stay", "Stay", { mode: "range" })
      .photoPicker("photo", "Photo", { maxUploadedPhotos: 2 })
      .documentPicker("files", "Files").children;
    expect(children).toEqual([
      { type: "TextHeading", text: "H", visible: false },
      { type: "TextSubheading", text: "S" },
      { type: "TextBody", text: "B", "font-weight": "bold" },
      { type: "TextCaption", text: "C" },
      { type: "TextInput", name: "first", label: "First", "input-type": "email" },
      { type: "TextArea", name: "notes", label: "Notes", "max-length": 200 },
      { type: "CheckboxGroup", name: "extras", label: "Extras", "data-source": options, "min-selected-items": 1 },
      { type: "RadioButtonsGroup", name: "size", label: "Size", "data-source": options },
      { type: "Dropdown", name: "city", label: "City", "data-source": options },
      { type: "ChipsSelector", name: "tags", label: "Tags", "data-source": twoOptions, "max-selected-items": 2 },
      { type: "DatePicker", name: "day", label: "Day" },
      { type: "CalendarPicker", name: "stay", label: "Stay", mode: "range" },
      { type: "PhotoPicker", name: "photo", label: "Photo", "max-uploaded-photos": 2 },
      { type: "DocumentPicker", name: "files", label: "Files" },
    ]);
    expect(children.every((child) => Object.isFrozen(child))).toBe(true);
  });

  test("each is a method on the prototype, as the class's own methods are, and a call leaves its builder as it was", () => {
    const methods = [
      ...["heading", "subheading", "body", "caption"],
      ...["textInput", "textArea", "datePicker", "calendarPicker", "photoPicker", "documentPicker"],
      ...["checkboxGroup", "radioButtons", "dropdown", "chipsSelector"],
    ];
    for (const method of methods) {
      const own = Object.getOwnPropertyDescriptor(LayoutBuilder.prototype, method);
      expect({ method, type: typeof own?.value, enumerable: own?.enumerable }).toEqual({ method, type: "function", enumerable: false });
    }
    const base = new LayoutBuilder<never, never, [], false, never>().heading("Title");
    expect(Object.keys(base)).toEqual([]);
    base.textInput("name", "Name");
    expect(base.children).toHaveLength(1);
  });

  test("each has its own name and the arity of its signature, as a method written out would (stack traces name it)", () => {
    const arities = {
      ...{ heading: 1, subheading: 1, body: 1, caption: 1 },
      ...{ textInput: 2, textArea: 2, datePicker: 2, calendarPicker: 2, photoPicker: 2, documentPicker: 2 },
      ...{ checkboxGroup: 3, radioButtons: 3, dropdown: 3, chipsSelector: 3 },
    };
    for (const [method, length] of Object.entries(arities)) {
      const implementation = Reflect.get(LayoutBuilder.prototype, method) as (...call: unknown[]) => unknown;
      expect({ method, name: implementation.name, length: implementation.length }).toEqual({ method, name: method, length });
    }
    let stack = "";
    try {
      Reflect.apply(LayoutBuilder.prototype.textInput, {}, ["name", "Name"]);
    } catch (error) {
      stack = String((error as Error).stack);
    }
    expect(stack.split("\n")[1]).toMatch(/\btextInput\b/);
  });
});
