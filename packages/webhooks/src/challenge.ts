/** The answer to Meta's GET handshake: the challenge with 200, or 403. */
export type ChallengeAnswer =
  | { readonly ok: true; readonly status: 200; readonly body: string }
  | { readonly ok: false; readonly status: 403; readonly body: string };

/**
 * The verification handshake (Meta: Webhooks, create an endpoint): Meta calls your URL with `hub.mode=subscribe`,
 * `hub.verify_token` (yours) and `hub.challenge`; you answer 200 with the challenge, verbatim.
 * Anything else (another mode, a wrong or missing token, no challenge, a challenge with markup or
 * over 256 characters) is a 403. PHP-style
 * `hub_mode` names are accepted too.
 *
 * @example
 * const answer = verifyChallenge(new URL(request.url), process.env.WHATSAPP_VERIFY_TOKEN!);
 * return new Response(answer.body, { status: answer.status });
 */
export function verifyChallenge(url: URL | URLSearchParams | string, verifyToken: string): ChallengeAnswer {
  if (typeof verifyToken !== "string" || verifyToken === "") throw new TypeError("verifyChallenge: the verify token is required");
  const query =
    url instanceof URLSearchParams ? url : url instanceof URL ? url.searchParams : new URL(url, "http://localhost").searchParams;
  const read = (name: string): string | null => query.get(`hub.${name}`) ?? query.get(`hub_${name}`);
  const challenge = read("challenge");
  if (read("mode") !== "subscribe") return { ok: false, status: 403, body: "hub.mode must be subscribe" };
  if (!sameText(read("verify_token") ?? "", verifyToken)) return { ok: false, status: 403, body: "hub.verify_token does not match" };
  if (challenge === null || challenge === "") return { ok: false, status: 403, body: "no hub.challenge" };
  if (challenge.length > longestChallenge || unsafeInEcho.test(challenge))
    return {
      ok: false,
      status: 403,
      body: `hub.challenge must be at most ${longestChallenge} characters, none of them a control character or one of < > & " ' \` (Meta's is a number)`,
    };
  return { ok: true, status: 200, body: challenge };
}

/**
 * The echo is the request's own text in the answer: with markup in it, an answer sent as HTML (Express's
 * `res.send(body)` does) runs a script from a link. Meta's challenge is a number (its Graph docs: "an int"),
 * so refusing markup and length loses nothing Meta sends.
 */
const longestChallenge = 256;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const unsafeInEcho = /[\u0000-\u001f\u007f<>&"'`]/;

/** Equal strings, compared without returning at the first difference. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= (a.charCodeAt(i % Math.max(a.length, 1)) || 0) ^ b.charCodeAt(i);
  return difference === 0;
}
