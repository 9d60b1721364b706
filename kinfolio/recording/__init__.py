"""The recording pattern: how every page that records something about a child works.

A recording page is a GOV.UK question page whose view calls ``record_page`` (in
``kinfolio.recording.pages``) with its form and ONE service. That helper:

- restores the user's draft on GET (``recording.models.Draft``, one per user and form
  key, the key being the form's URL path), including after a session timeout and
  sign-in;
- saves the draft on every POST (and the page's script saves it every ~30 seconds);
- binds the form (a ``recording.forms.RecordingForm``: crispy-forms-gds, a hidden
  ``opened_version``, the child's voice fields through ``ChildsVoiceFields``);
- calls the service with keyword arguments (the form's cleaned data, the fixed
  arguments the view gives, ``opened_version`` when editing a versioned record, and
  ``by=request.user``);
- turns the service's ``ValidationError`` into form errors keyed by field, shows a
  ``StaleRecord``'s changes while keeping the user's text;
- discards the draft on success and redirects with a success banner.

Templates live in ``kinfolio/templates/_components/``: ``question_page.html``,
``task_list.html``, ``check_answers.html``, ``stale_record.html``.
"""
