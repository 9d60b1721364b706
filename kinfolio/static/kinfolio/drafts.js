// Saves what someone types into a recording form as a server-side draft, every
// ~30 seconds while it changes and when the page is left, so a session timeout, a
// closed tab or a lost connection does not lose it.
//
// Progressive enhancement: without script the form is saved as a draft each time it is
// submitted, and a submission after the session has ended is held until the same
// person signs in again (kinfolio.recording.services.drafts). Nothing here is inline
// (CSP); the form says where and how often in its data attributes.

function typedFields(form) {
  const data = new FormData(form);
  for (const [name, value] of [...data.entries()]) {
    if (value instanceof File) data.delete(name); // files are not kept in drafts
  }
  return data;
}

function fingerprint(data) {
  return new URLSearchParams(data).toString();
}

function startOne(form) {
  const url = form.dataset.kfDraft;
  const seconds = Number(form.dataset.kfDraftSeconds) || 30;
  let saved = fingerprint(typedFields(form));
  let submitted = false;

  function save(keepalive) {
    if (submitted) return;
    const data = typedFields(form);
    const now = fingerprint(data);
    if (now === saved) return;
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      redirect: "manual", // a session that has ended answers with a redirect to sign in
      keepalive,
    })
      .then((response) => {
        // 204: saved. A redirect means the session ended: the server has held the form
        // for its owner's next sign-in, so there is nothing more to do here.
        if (response.status === 204 || response.type === "opaqueredirect") saved = now;
      })
      .catch(() => {}); // offline: the next tick tries again
  }

  const timer = setInterval(() => save(false), seconds * 1000);
  form.addEventListener("submit", () => {
    submitted = true;
    clearInterval(timer);
  });
  window.addEventListener("pagehide", () => save(true));
}

export function startDraftSaving(root) {
  root.querySelectorAll("form[data-kf-draft]").forEach(startOne);
}
