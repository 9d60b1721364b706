// Marks the page as scripted (GOV.UK Frontend styles depend on it), then starts the components.
import { initAll } from "../govuk/govuk-frontend.min.js";
import { startDraftSaving } from "./drafts.js";
import { startSessionWarning } from "./session-timeout.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
startSessionWarning(document.body);
startDraftSaving(document);
