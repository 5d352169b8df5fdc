"""The emulator from another language: Python's standard library only (urllib, hmac, http.server).

Starts `wacompose emulator` (the command is given on the command line), receives its signed webhooks
on a server of its own, sends a text and a template with plain HTTP, checks X-Hub-Signature-256 on
every webhook, makes the simulated user reply through the control API, and stops the emulator with
Ctrl+C (SIGINT). Ends with one line "N passed, N failed"; the exit code is 1 on any failure.

    python3 examples/python/emulator_end_to_end.py node packages/cli/bin/wacompose.mjs emulator
"""

import hashlib
import hmac
import json
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

APP_SECRET = "python-test-app-secret"
TOKEN = "python-test-token"
PHONE_NUMBER_ID = "106540352242922"
USER = "16505551234"
TEMPLATES = Path(__file__).resolve().parents[2] / "packages/cli/fixtures/message_templates.json"

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    print(f"{'✓' if ok else '✗'} {name}{'' if ok or not detail else f': {detail}'}", flush=True)
    if ok:
        passed += 1
    else:
        failed += 1
    return ok


def signature_of(body: bytes) -> str:
    return "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


class Receiver(BaseHTTPRequestHandler):
    """The app's webhook endpoint: checks the signature over the raw bytes, then keeps the payload."""

    received = []  # (signature_ok, payload)
    lock = threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        ok = hmac.compare_digest(self.headers.get("X-Hub-Signature-256", ""), signature_of(body))
        with Receiver.lock:
            Receiver.received.append((ok, json.loads(body) if ok else None))
        self.send_response(200 if ok else 403)
        self.end_headers()
        self.wfile.write(b"OK" if ok else b"the signature does not match the body")

    def log_message(self, *args):
        pass


def call(method, url, body=None, token=None, timeout=30):
    """Plain HTTP: the status and the JSON answer."""
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def statuses_of(payloads):
    """(wamid, status) in the order the webhooks arrived."""
    found = []
    for payload in payloads:
        for entry in payload.get("entry", []):
            for change in entry.get("changes", []):
                for status in change.get("value", {}).get("statuses", []):
                    found.append((status["id"], status["status"]))
    return found


def messages_of(payloads):
    found = []
    for payload in payloads:
        for entry in payload.get("entry", []):
            for change in entry.get("changes", []):
                found.extend(change.get("value", {}).get("messages", []))
    return found


def main(command):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    webhook_url = f"http://127.0.0.1:{server.server_address[1]}/webhook"
    emulator = subprocess.Popen(
        [*command, "--port", "0", "--json", "--token", TOKEN, "--phone-number-id", PHONE_NUMBER_ID,
         "--webhook-url", webhook_url, "--app-secret", APP_SECRET, "--templates", str(TEMPLATES)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in emulator.stdout], daemon=True).start()
    try:
        listening = None
        deadline = time.monotonic() + 60
        while listening is None and time.monotonic() < deadline and emulator.poll() is None:
            try:
                event = json.loads(lines.get(timeout=1))
            except queue.Empty:
                continue
            if event.get("event") == "listening":
                listening = event
        if not check("the emulator starts and prints a JSON line with its URL", listening is not None, emulator.stderr.read() if emulator.poll() is not None else "timed out"):
            return
        base = listening["url"]
        check("the line names the env vars to set", listening["env"] == {
            "WHATSAPP_API_BASE_URL": base, "WHATSAPP_ACCESS_TOKEN": TOKEN, "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID})
        messages = f"{base}/v26.0/{PHONE_NUMBER_ID}/messages"

        # The customer writes first (through the control API): that opens the 24-hour window.
        status, answer = call("POST", f"{base}/__user", {"action": "says", "to": USER, "text": "Hi, is my order on its way?", "name": "Ana"})
        check("POST /__user says: the simulated user writes", status == 200 and answer["id"].startswith("wamid."), answer)

        status, text = call("POST", messages, {"messaging_product": "whatsapp", "to": USER, "type": "text", "text": {"body": "It ships today."}}, TOKEN)
        check("a text is accepted with a wamid", status == 200 and text["messages"][0]["id"].startswith("wamid."), text)
        template = {"messaging_product": "whatsapp", "to": USER, "type": "template",
                    "template": {"name": "hello_world", "language": {"code": "en_US"}}}
        status, sent_template = call("POST", messages, template, TOKEN)
        check("a template from --templates is accepted", status == 200 and sent_template["messages"][0]["id"].startswith("wamid."), sent_template)

        status, unknown = call("POST", messages, {**template, "template": {"name": "no_such_template", "language": {"code": "en_US"}}}, TOKEN)
        check("an unknown template is refused with 132001", status == 400 and unknown["error"]["code"] == 132001, unknown)
        status, invalid = call("POST", messages, {"messaging_product": "whatsapp", "to": USER, "type": "text", "text": {"body": "x" * 5000}}, TOKEN)
        check("an invalid body is a Graph error naming the path", status == 400 and "text.body: at most 4096" in invalid["error"]["error_data"]["details"], invalid)
        status, refused = call("POST", messages, {"messaging_product": "whatsapp", "to": USER, "type": "text", "text": {"body": "hi"}}, "wrong-token")
        check("a wrong token is 401 with error 190", status == 401 and refused["error"]["code"] == 190, refused)

        status, idle = call("POST", f"{base}/__idle", {})
        check("POST /__idle waits for the deliveries", status == 200 and idle["deliveries"] >= 7, idle)
        with Receiver.lock:
            received = list(Receiver.received)
        check("every webhook carries a valid X-Hub-Signature-256", len(received) >= 7 and all(ok for ok, _ in received), f"{len(received)} webhooks")
        payloads = [payload for ok, payload in received if ok]
        series = statuses_of(payloads)
        # The emulator sends them in order; they may arrive in another (webhooks are concurrent POSTs, and on a busy
        # host a later one can overtake), as from Meta. So: each arrived once, and the emulator's log has the ladder.
        status, sent_log = call("GET", f"{base}/__deliveries")
        sent_series = statuses_of([delivery["payload"] for delivery in sent_log]) if status == 200 else []
        for sent in (text, sent_template):
            wamid = sent["messages"][0]["id"]
            check(f"{wamid[:16]}…: sent, delivered and read each arrived once", sorted(name for id_, name in series if id_ == wamid) == ["delivered", "read", "sent"], series)
            check(f"{wamid[:16]}…: sent → delivered → read in the emulator's log", [name for id_, name in sent_series if id_ == wamid] == ["sent", "delivered", "read"], sent_series)

        # The user taps a reply button of a message the business sent.
        buttons = {"messaging_product": "whatsapp", "to": USER, "type": "interactive", "interactive": {
            "type": "button", "body": {"text": "Deliver tomorrow?"},
            "action": {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Yes"}}, {"type": "reply", "reply": {"id": "no", "title": "No"}}]}}}
        status, sent_buttons = call("POST", messages, buttons, TOKEN)
        wamid = sent_buttons["messages"][0]["id"]
        status, tapped = call("POST", f"{base}/__user", {"action": "taps", "to": USER, "wamid": wamid, "id": "yes"})
        check("POST /__user taps: the user taps a reply button", status == 200, tapped)
        status, bad_tap = call("POST", f"{base}/__user", {"action": "taps", "to": USER, "wamid": wamid, "id": "maybe"})
        check("tapping a button the message did not offer is 400, naming the offered ones", status == 400 and '"yes", "no"' in bad_tap["error"], bad_tap)
        call("POST", f"{base}/__idle", {})
        with Receiver.lock:
            replies = messages_of([payload for ok, payload in Receiver.received if ok])
        reply = next((m for m in replies if m.get("type") == "interactive"), None)
        check("the reply arrives as a button_reply to that message",
              reply is not None and reply["interactive"]["button_reply"]["id"] == "yes" and reply["context"]["id"] == wamid, reply)

        # The clock and scripted failures, through the control API.
        status, _ = call("POST", f"{base}/__clock/advance", {"by": "25h"})
        status, late = call("POST", messages, {"messaging_product": "whatsapp", "to": USER, "type": "text", "text": {"body": "Still there?"}}, TOKEN)
        call("POST", f"{base}/__idle", {})
        with Receiver.lock:
            series = statuses_of([payload for ok, payload in Receiver.received if ok])
        check("after POST /__clock/advance 25h, a text outside the window fails",
              [name for id_, name in series if id_ == late["messages"][0]["id"]] == ["failed"], series)
        status, _ = call("POST", f"{base}/__fail-next", {"code": 131026})
        status, undeliverable = call("POST", messages, template, TOKEN)
        call("POST", f"{base}/__idle", {})
        with Receiver.lock:
            series = statuses_of([payload for ok, payload in Receiver.received if ok])
        check("POST /__fail-next: the next message fails", [name for id_, name in series if id_ == undeliverable["messages"][0]["id"]] == ["failed"], series)

        status, listed = call("GET", f"{base}/__received")
        # 7: the refused token is turned away at the door; the refused bodies are kept, with their errors.
        check("GET /__received lists what was sent, without the token",
              status == 200 and len(listed) == 7 and TOKEN not in json.dumps(listed), f"{len(listed)} entries")
        status, log = call("GET", f"{base}/__deliveries")
        check("GET /__deliveries: every delivery delivered, with the receiver's answer",
              status == 200 and all(d["state"] == "delivered" and d["attempts"][-1].get("answer") == "OK" for d in log), log[-1] if log else log)
        status, reset = call("POST", f"{base}/__reset", {})
        check("POST /__reset forgets what was received", status == 200 and reset == {"received": 0}, reset)
    finally:
        emulator.send_signal(signal.SIGINT)
        try:
            code = emulator.wait(timeout=20)
        except subprocess.TimeoutExpired:
            emulator.kill()
            code = None
        rest = []
        while not lines.empty():
            rest.append(lines.get())
        check("Ctrl+C (SIGINT) stops it cleanly: exit 0, a last 'stopped' line", code == 0 and any('"event":"stopped"' in line for line in rest), f"exit {code}")
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    try:
        main(sys.argv[1:])
    except Exception as error:  # an unexpected answer is a failure, not a crash without a count
        check("the end-to-end run", False, repr(error))
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)
