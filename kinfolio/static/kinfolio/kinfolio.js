// Marks the page as scripted (GOV.UK Frontend styles depend on it), then starts the components.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
