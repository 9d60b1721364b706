// Warns before the session ends for inactivity and lets the person stay signed in.
//
// Progressive enhancement: without script the session still ends after inactivity
// (SESSION_COOKIE_AGE) and the next page asks the person to sign in again. The page says
// how long the session lasts in data attributes on <body>; nothing here is inline (CSP).

const SECOND = 1000;

function describe(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? "" : "s"}`);
  if (rest || !minutes) parts.push(`${rest} second${rest === 1 ? "" : "s"}`);
  return parts.join(" ");
}

function buildNotice(warnBefore) {
  const notice = document.createElement("div");
  notice.className = "govuk-notification-banner kf-session-warning";
  notice.setAttribute("role", "alertdialog");
  notice.setAttribute("aria-labelledby", "kf-session-warning-heading");
  notice.setAttribute("aria-describedby", "kf-session-warning-text");
  notice.dataset.testid = "session-warning";
  notice.innerHTML = `
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title">Important</h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading" id="kf-session-warning-heading">You are about to be signed out</p>
      <p class="govuk-body" id="kf-session-warning-text">For your security, you will be signed out in
        ${describe(warnBefore)} if you do nothing. Anything you have not saved will be lost.</p>
      <p class="govuk-body" aria-hidden="true">Time left: <strong class="kf-session-warning__countdown"></strong></p>
      <button type="button" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">Stay signed in</button>
    </div>`;
  return notice;
}

export function startSessionWarning(body) {
  const seconds = Number(body.dataset.sessionSeconds);
  const warnBefore = Math.min(Number(body.dataset.sessionWarningSeconds) || 120, seconds);
  const keepAliveUrl = body.dataset.keepAliveUrl;
  if (!seconds || !keepAliveUrl) return;
  let timers = [];
  let notice = null;

  function clear() {
    timers.forEach((timer) => clearTimeout(timer));
    timers = [];
    if (notice) notice.remove();
    notice = null;
  }

  function show(endsAt) {
    const returnFocus = document.activeElement;
    notice = buildNotice(Math.round((endsAt - Date.now()) / SECOND));
    const countdown = notice.querySelector(".kf-session-warning__countdown");
    const update = () => {
      countdown.textContent = describe(Math.max(0, Math.round((endsAt - Date.now()) / SECOND)));
    };
    update();
    timers.push(setInterval(update, SECOND));
    notice.querySelector("button").addEventListener("click", () => staySignedIn(returnFocus));
    body.appendChild(notice);
    notice.querySelector("button").focus();
  }

  async function staySignedIn(returnFocus) {
    let response = null;
    try {
      response = await fetch(keepAliveUrl, { credentials: "same-origin", cache: "no-store" });
    } catch {
      response = null;
    }
    if (!response || response.status !== 204) {
      window.location.reload(); // the session has already ended: the server asks to sign in
      return;
    }
    schedule();
    if (returnFocus && returnFocus.focus) returnFocus.focus();
  }

  function schedule() {
    clear();
    const endsAt = Date.now() + seconds * SECOND;
    timers.push(setTimeout(() => show(endsAt), (seconds - warnBefore) * SECOND));
    timers.push(setTimeout(() => window.location.reload(), (seconds + 1) * SECOND));
  }

  // Requests made without leaving the page (htmx) also keep the session alive.
  document.addEventListener("htmx:afterRequest", () => { if (!notice) schedule(); });
  schedule();
}
