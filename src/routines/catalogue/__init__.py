"""The catalogue layer: what an exercise is and which exercises exist.

It knows the vocabularies (modality, pattern, muscle, equipment, level, dose,
caution), the :class:`~routines.Exercise` record, the rules every entry and the
whole catalogue must pass, and how the TOML files of ``exercises/`` (and a
person's own folders) are found, parsed and cached. It knows nothing of
requests, plans, calendars, paper or logs: it imports only the top-level edges
(``routines.errors``, ``routines._convert``, ``routines._files``,
``routines._closest``), never ``planning``, ``exporters``, ``log`` or
``adaptation``. The public names are re-exported flat from ``routines``.
"""
