// Example flows in the shape of Meta's documentation samples (the "Hello World" of the Flow JSON
// page, a Form-based sign-up on an older version, an endpoint-backed appointment booking), each as
// Flow JSON and as the builder code that must produce exactly that JSON.
import { complete, dataExchange, flow, navigate } from "../src/index.js";

export const helloWorldJson = {
  version: "7.3",
  screens: [
    {
      id: "WELCOME_SCREEN",
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextHeading", text: "Hello World" },
          { type: "TextBody", text: "Let's start building things!" },
          { type: "Footer", label: "Complete", "on-click-action": { name: "complete", payload: {} } },
        ],
      },
      title: "Welcome",
      terminal: true,
      success: true,
      data: {},
    },
  ],
};

export const helloWorld = () =>
  flow()
    .screen("WELCOME_SCREEN", (s) =>
      s
        .title("Welcome")
        .terminal({ success: true })
        .data({})
        .layout((l) => l.heading("Hello World").body("Let's start building things!").footer("Complete", complete())),
    )
    .build();

export const signUpJson = {
  version: "3.1",
  screens: [
    {
      id: "JOIN_NOW",
      title: "Join now",
      layout: {
        type: "SingleColumnLayout",
        children: [
          {
            type: "Form",
            name: "form",
            children: [
              { type: "TextInput", name: "first_name", label: "First name", "input-type": "text", required: true },
              { type: "TextInput", name: "email", label: "Email address", "input-type": "email", required: true },
              { type: "OptIn", name: "tos", label: "I agree to the terms.", required: true },
              {
                type: "Footer",
                label: "Continue",
                "on-click-action": {
                  name: "navigate",
                  next: { type: "screen", name: "CONFIRM" },
                  payload: { first_name: "${form.first_name}", email: "${form.email}" },
                },
              },
            ],
          },
        ],
      },
    },
    {
      id: "CONFIRM",
      title: "Confirm",
      terminal: true,
      data: {
        first_name: { type: "string", __example__: "Ana" },
        email: { type: "string", __example__: "ana@example.com" },
      },
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextSubheading", text: "Is this right?" },
          { type: "TextBody", text: "${data.email}" },
          {
            type: "Footer",
            label: "Sign up",
            "on-click-action": { name: "complete", payload: { first_name: "${data.first_name}", email: "${data.email}" } },
          },
        ],
      },
    },
  ],
};

export const signUp = () =>
  flow({ version: "3.1" })
    .screen("JOIN_NOW", (s) =>
      s.title("Join now").layout((l) =>
        l.form("form", (f) =>
          f
            .textInput("first_name", "First name", { inputType: "text", required: true })
            .textInput("email", "Email address", { inputType: "email", required: true })
            .optIn("tos", "I agree to the terms.", { required: true })
            .footer("Continue", navigate("CONFIRM", { first_name: "${form.first_name}", email: "${form.email}" })),
        ),
      ),
    )
    .screen("CONFIRM", (s) =>
      s
        .title("Confirm")
        .terminal()
        .data({
          first_name: { type: "string", __example__: "Ana" },
          email: { type: "string", __example__: "ana@example.com" },
        })
        .layout((l) =>
          l
            .subheading("Is this right?")
            .body("${data.email}")
            .footer("Sign up", complete({ first_name: "${data.first_name}", email: "${data.email}" })),
        ),
    )
    .build();

const options = { type: "array", items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } } } as const;

export const bookingJson = {
  version: "7.3",
  data_api_version: "4.0",
  routing_model: { APPOINTMENT: ["SUMMARY"], SUMMARY: [] },
  screens: [
    {
      id: "APPOINTMENT",
      title: "Appointment",
      data: {
        department: { ...options, __example__: [{ id: "shopping", title: "Shopping & Groceries" }] },
        is_time_enabled: { type: "boolean", __example__: false },
        time: { ...options, __example__: [{ id: "10:30", title: "10:30" }] },
      },
      layout: {
        type: "SingleColumnLayout",
        children: [
          {
            type: "Dropdown",
            name: "department",
            label: "Department",
            "data-source": "${data.department}",
            required: true,
            "on-select-action": { name: "data_exchange", payload: { trigger: "department_selected", department: "${form.department}" } },
          },
          { type: "DatePicker", name: "date", label: "Date", "min-date": "2026-12-07", "max-date": "2027-01-31", required: true },
          {
            type: "Dropdown",
            name: "time",
            label: "Time",
            "data-source": "${data.time}",
            enabled: "${data.is_time_enabled}",
            required: true,
          },
          {
            type: "Footer",
            label: "Continue",
            "on-click-action": {
              name: "data_exchange",
              payload: { department: "${form.department}", date: "${form.date}", time: "${form.time}" },
            },
          },
        ],
      },
    },
    {
      id: "SUMMARY",
      title: "Summary",
      terminal: true,
      data: { details: { type: "string", __example__: "Shopping, 2026-12-07 at 10:30" } },
      layout: {
        type: "SingleColumnLayout",
        children: [
          { type: "TextBody", text: "${data.details}" },
          { type: "OptIn", name: "reminders", label: "Send me reminders" },
          { type: "Footer", label: "Confirm", "on-click-action": { name: "data_exchange", payload: { reminders: "${form.reminders}" } } },
        ],
      },
    },
  ],
};

export const booking = () =>
  flow({ dataApiVersion: "4.0" })
    .screen("APPOINTMENT", (s) =>
      s
        .title("Appointment")
        .data({
          department: { ...options, __example__: [{ id: "shopping", title: "Shopping & Groceries" }] },
          is_time_enabled: { type: "boolean", __example__: false },
          time: { ...options, __example__: [{ id: "10:30", title: "10:30" }] },
        })
        .layout((l) =>
          l
            .dropdown("department", "Department", "${data.department}", {
              required: true,
              onSelectAction: dataExchange({ trigger: "department_selected", department: "${form.department}" }),
            })
            .datePicker("date", "Date", { minDate: "2026-12-07", maxDate: "2027-01-31", required: true })
            .dropdown("time", "Time", "${data.time}", { enabled: "${data.is_time_enabled}", required: true })
            .footer("Continue", dataExchange({ department: "${form.department}", date: "${form.date}", time: "${form.time}" })),
        ),
    )
    .screen("SUMMARY", (s) =>
      s
        .title("Summary")
        .terminal()
        .data({ details: { type: "string", __example__: "Shopping, 2026-12-07 at 10:30" } })
        .layout((l) =>
          l
            .body("${data.details}")
            .optIn("reminders", "Send me reminders")
            .footer("Confirm", dataExchange({ reminders: "${form.reminders}" })),
        ),
    )
    .routes("APPOINTMENT", ["SUMMARY"])
    .build();
