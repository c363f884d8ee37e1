"""The training log layer: what was done, kept safely beside the plan.

It knows a log entry and its checks, which session of a plan an entry belongs
to, the SQLite store, the CSV import and export format, the questions asked at
a terminal, and the advice texts that follow an entry. It reads plans, never
makes or changes them: it never imports ``planning``, ``exporters`` or
``adaptation``. The pain thresholds it advises on live in ``routines._safety``.
"""
